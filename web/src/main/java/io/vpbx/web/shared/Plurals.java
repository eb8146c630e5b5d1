package io.vpbx.web.shared;

import java.util.Locale;
import java.util.function.Function;

/**
 * Counted words in the console's languages: «1 пользователь», «2 пользователя», «5 пользователей»;
 * «1 call», «2 calls». The words come from the message bundle under {@code <prefix>.one|few|many},
 * so this class holds no text of its own.
 */
public final class Plurals {
    /** The plural categories this console's languages need (CLDR names). */
    public enum Plural {
        ONE,
        FEW,
        MANY
    }

    private Plurals() {}

    /**
     * The CLDR cardinal category of {@code n} in the language: Russian 1, 21, 101 → one; 2–4, 22–24
     * → few; 0, 5–20, 25–30 → many. Every other language here (English) knows only one and other,
     * returned as {@link Plural#ONE} and {@link Plural#MANY}.
     */
    public static Plural plural(Locale locale, int n) {
        int abs = Math.abs(n);
        if ("ru".equals(locale.getLanguage())) {
            int last = abs % 10;
            int lastTwo = abs % 100;
            if (last == 1 && lastTwo != 11) {
                return Plural.ONE;
            }
            if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
                return Plural.FEW;
            }
            return Plural.MANY;
        }
        return abs == 1 ? Plural.ONE : Plural.MANY;
    }

    /** «3 оператора», «1 user»: the number and the word of its category. */
    public static String count(
            Locale locale, int n, String keyPrefix, Function<String, String> words) {
        return n
                + " "
                + words.apply(keyPrefix + "." + plural(locale, n).name().toLowerCase(Locale.ROOT));
    }
}

package io.vpbx.web.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The composition line of a call group in the list (spec C BR-A2): «9 пользователей, 2 оператора:
 * Анна, Борис, …». The counts take the plural form of the page's language (Russian one/few/many,
 * English one/other); a zero part is left out; the names are every member's. The words come from
 * the message bundle through {@code words}, so this class holds no text of its own.
 */
public final class CallGroupComposition {
    /** The plural categories this console's languages need (CLDR names). */
    public enum Plural {
        ONE,
        FEW,
        MANY
    }

    private CallGroupComposition() {}

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

    /**
     * The whole line.
     *
     * @param words the bundle's text of a key: {@code callGroups.users.one|few|many}, {@code
     *     callGroups.operators.one|few|many} and {@code callGroups.noMembers}
     * @return e.g. «2 пользователя, 1 оператор: Анна, Борис, Вера»; with no members, the text of
     *     {@code callGroups.noMembers}
     */
    public static String line(
            Locale locale,
            int users,
            int operators,
            List<String> names,
            Function<String, String> words) {
        List<String> counts = new ArrayList<>(2);
        if (users > 0) {
            counts.add(count(locale, users, "callGroups.users", words));
        }
        if (operators > 0) {
            counts.add(count(locale, operators, "callGroups.operators", words));
        }
        if (counts.isEmpty()) {
            return words.apply("callGroups.noMembers");
        }
        String head = String.join(", ", counts);
        return names == null || names.isEmpty() ? head : head + ": " + String.join(", ", names);
    }

    /** «3 оператора», «1 user». */
    public static String count(
            Locale locale, int n, String keyPrefix, Function<String, String> words) {
        return n
                + " "
                + words.apply(keyPrefix + "." + plural(locale, n).name().toLowerCase(Locale.ROOT));
    }
}

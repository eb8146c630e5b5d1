package io.vpbx.web.domain;

import io.vpbx.web.shared.Plurals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The composition line of a call group in the list (spec C BR-A2): «9 пользователей, 2 оператора:
 * Анна, Борис, …». The counts take the plural form of the page's language (Russian one/few/many,
 * English one/other, {@link Plurals}); a zero part is left out; the names are every member's. The
 * words come from the message bundle through {@code words}, so this class holds no text of its own.
 */
public final class CallGroupComposition {
    private CallGroupComposition() {}

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
            counts.add(Plurals.count(locale, users, "callGroups.users", words));
        }
        if (operators > 0) {
            counts.add(Plurals.count(locale, operators, "callGroups.operators", words));
        }
        if (counts.isEmpty()) {
            return words.apply("callGroups.noMembers");
        }
        String head = String.join(", ", counts);
        return names == null || names.isEmpty() ? head : head + ": " + String.join(", ", names);
    }
}

package io.vpbx.application.pool;

import java.util.Locale;
import java.util.Set;

/**
 * The create/edit form of a pool admin (spec A BR-55, BR-56). On edit, {@code login} and {@code
 * supervisor} are ignored (they are fixed at creation) and a blank password means "unchanged".
 *
 * @param sendCredentials e-mail the login details (and the new password, if one was set)
 * @param mailLocale the language of that e-mail
 */
public record PoolAdminForm(
        String login,
        String displayName,
        String email,
        String phone,
        String password,
        String passwordRepeat,
        boolean supervisor,
        boolean blocked,
        Set<Long> subgroupIds,
        boolean sendCredentials,
        Locale mailLocale) {
    public PoolAdminForm {
        subgroupIds = subgroupIds == null ? Set.of() : Set.copyOf(subgroupIds);
    }

    @Override
    public String toString() {
        return "PoolAdminForm[" + login + "]";
    }
}

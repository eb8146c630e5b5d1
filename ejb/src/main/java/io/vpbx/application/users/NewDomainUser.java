package io.vpbx.application.users;

import java.util.List;
import java.util.Locale;

/**
 * A new employee of the caller's domain (spec B §7.2).
 *
 * @param login the console login (2–64 characters), unique in the domain; never changes
 * @param email optional; where credentials and notifications go
 * @param jobTitle optional «Должность»
 * @param password the console password (the password policy); {@code null}: none yet, the user sets
 *     their own through password recovery
 * @param recordCalls «Запись разговоров»
 * @param admin «Администратор домена»
 * @param voicemailToEmail «Уведомления о голосовой почте на e-mail»
 * @param operator «Оператор контакт-центра»
 * @param sendCredentials «Отправить данные для входа на e-mail»: the console login and password and
 *     the SIP credentials go to {@code email}, which is then required
 * @param mailLocale the language of that e-mail
 * @param callGroupIds the call groups of the domain the user joins when created (spec B BR-17);
 *     optional here, as in Asterisk/FreePBX/3CX: a new domain has no groups yet
 */
public record NewDomainUser(
        String extension,
        String displayName,
        String login,
        String email,
        String jobTitle,
        String password,
        boolean recordCalls,
        boolean admin,
        boolean voicemailToEmail,
        boolean operator,
        boolean sendCredentials,
        Locale mailLocale,
        List<Long> callGroupIds) {

    public NewDomainUser {
        callGroupIds = callGroupIds == null ? List.of() : List.copyOf(callGroupIds);
    }

    /** An employee in no call group. */
    public NewDomainUser(
            String extension,
            String displayName,
            String login,
            String email,
            String jobTitle,
            String password,
            boolean recordCalls,
            boolean admin,
            boolean voicemailToEmail,
            boolean operator,
            boolean sendCredentials,
            Locale mailLocale) {
        this(
                extension,
                displayName,
                login,
                email,
                jobTitle,
                password,
                recordCalls,
                admin,
                voicemailToEmail,
                operator,
                sendCredentials,
                mailLocale,
                List.of());
    }

    /** An employee with no console password, job title or flags. */
    public NewDomainUser(String extension, String displayName, String login, String email) {
        this(extension, displayName, login, email, null, null, false, false);
    }

    /** An employee with no voicemail-to-e-mail, not an operator, and no credentials mail. */
    public NewDomainUser(
            String extension,
            String displayName,
            String login,
            String email,
            String jobTitle,
            String password,
            boolean recordCalls,
            boolean admin) {
        this(
                extension,
                displayName,
                login,
                email,
                jobTitle,
                password,
                recordCalls,
                admin,
                false,
                false,
                false,
                null);
    }

    @Override
    public String toString() {
        return "NewDomainUser[" + login + ", " + extension + "]";
    }
}

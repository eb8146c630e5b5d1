package io.vpbx.application.users;

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
 */
public record NewDomainUser(
        String extension,
        String displayName,
        String login,
        String email,
        String jobTitle,
        String password,
        boolean recordCalls,
        boolean admin) {
    /** An employee with no console password, job title or flags. */
    public NewDomainUser(String extension, String displayName, String login, String email) {
        this(extension, displayName, login, email, null, null, false, false);
    }

    @Override
    public String toString() {
        return "NewDomainUser[" + login + ", " + extension + "]";
    }
}

package io.vpbx.application.platform;

/**
 * The first account of a new pool or domain, as the operator typed it.
 *
 * @param login the login
 * @param displayName the person's name
 * @param email where notifications and credentials go
 * @param password the initial password
 * @param passwordRepeat the password again
 */
public record NewAccount(
        String login, String displayName, String email, String password, String passwordRepeat) {
    @Override
    public String toString() {
        return "NewAccount[" + login + "]";
    }
}

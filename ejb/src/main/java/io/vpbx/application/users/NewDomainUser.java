package io.vpbx.application.users;

/**
 * A new employee of the caller's domain.
 *
 * @param login the console login (2–64 characters), unique in the domain
 * @param email optional; where credentials and notifications go
 */
public record NewDomainUser(String extension, String displayName, String login, String email) {}

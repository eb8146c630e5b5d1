package io.vpbx.application;

/** Salted, deliberately slow password hashing for console accounts. */
public interface PasswordHasher {
    String hash(String password);

    boolean verify(String password, String storedHash);
}

package io.vpbx.infrastructure.security;

import io.vpbx.application.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Console passwords hashed with Jakarta Security's PBKDF2 (HMAC-SHA-512, 210,000 iterations,
 * 32-byte salt: OWASP's 2023 recommendation). The stored form carries algorithm, iterations and
 * salt, so the cost can be raised later without invalidating existing hashes.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {
    /**
     * A hash of a password nobody has, verified when the login does not exist, so that a wrong
     * login takes as long as a wrong password and response times do not reveal which logins exist.
     */
    private String decoyHash;

    @Inject private Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                        "Pbkdf2PasswordHash.Iterations", "210000",
                        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                        "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoyHash = pbkdf2.generate("decoy-password-never-matches".toCharArray());
    }

    @Override
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    @Override
    public boolean verify(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        return pbkdf2.verify(password.toCharArray(), storedHash == null ? decoyHash : storedHash)
                && storedHash != null;
    }
}

package io.vpbx.application;

/**
 * Reversible encryption of secrets the product must be able to show or use again, such as SIP
 * passwords (needed for digest authentication and for e-mailing credentials). Console passwords are
 * never stored this way: they are hashed ({@link PasswordHasher}).
 */
public interface SecretBox {
    /** An opaque, printable ciphertext (authenticated: any change is detected on opening). */
    String seal(String plaintext);

    /**
     * @throws IllegalStateException if the ciphertext was altered or sealed with another key
     */
    String open(String sealed);
}

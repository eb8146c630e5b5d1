package io.vpbx.infrastructure.security;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per secret. The key is 256 random bits in {@code
 * secret-box.key} in the data directory (owner-only, created atomically on first use, like the
 * token signing key). The sealed form is {@code v1:} followed by base64 of nonce and ciphertext
 * with its tag, so the format can change later without guessing. See ADR 0004 for why the key is a
 * file rather than an entry of the WildFly credential store.
 */
@ApplicationScoped
public class AesGcmSecretBox implements SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject private PlatformSettings settings;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        key =
                new SecretKeySpec(
                        Arrays.copyOf(
                                HmacTokenIssuer.loadOrCreateKey(
                                        settings.dataDirectory().resolve("secret-box.key"), random),
                                32),
                        "AES");
    }

    /** For tests: a box with a given key. */
    static AesGcmSecretBox withKey(byte[] keyBytes) {
        AesGcmSecretBox box = new AesGcmSecretBox();
        box.key = new SecretKeySpec(keyBytes, "AES");
        return box;
    }

    @Override
    public String seal(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(
                                    ByteBuffer.allocate(nonce.length + sealed.length)
                                            .put(nonce)
                                            .put(sealed)
                                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret", e);
        }
    }

    @Override
    public String open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length <= NONCE_BYTES) {
                throw new IllegalStateException("sealed secret too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "a sealed secret cannot be opened (altered, or another key)", e);
        }
    }
}

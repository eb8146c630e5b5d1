package io.vpbx.infrastructure.security;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.TokenIssuer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens of the form {@code <256 random bits>.<HMAC-SHA-256 of them>}, base64url. The signature
 * lets a forged or truncated token be refused without a database lookup; the random part makes
 * tokens unguessable; only the SHA-256 digest of the whole token is stored.
 *
 * <p>The signing key is 256 random bits kept in {@code token-signing.key} in the data directory,
 * created on first use with owner-only permissions. Every node of a cluster needs the same file.
 */
@ApplicationScoped
public class HmacTokenIssuer implements TokenIssuer {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final int RANDOM_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private byte[] key;

    @Inject private PlatformSettings settings;

    @PostConstruct
    void loadKey() {
        key = loadOrCreateKey(settings.dataDirectory().resolve("token-signing.key"), random);
    }

    @Override
    public IssuedToken issue() {
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        String token = B64.encodeToString(nonce) + "." + B64.encodeToString(sign(nonce));
        return new IssuedToken(token, digest(token));
    }

    @Override
    public Optional<String> digestOf(String presentedToken) {
        if (presentedToken == null || presentedToken.length() > 200) {
            return Optional.empty();
        }
        int dot = presentedToken.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] nonce = B64_DECODE.decode(presentedToken.substring(0, dot));
            byte[] signature = B64_DECODE.decode(presentedToken.substring(dot + 1));
            if (nonce.length != RANDOM_BYTES || !MessageDigest.isEqual(sign(nonce), signature)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(digest(presentedToken));
    }

    private byte[] sign(byte[] nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the key, creating it first if there is none. Creation is atomic and never replaces an
     * existing key: the key is written to a private temporary file and then hard-linked into place,
     * so a second node (or a crash half-way) can never leave an empty or different key behind.
     */
    static byte[] loadOrCreateKey(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Path temporary =
                        Files.createTempFile(
                                file.getParent(),
                                ".token-signing",
                                ".tmp",
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.write(temporary, B64.encode(fresh));
                    Files.createLink(file, temporary);
                } catch (FileAlreadyExistsException raced) {
                    // Another node or thread created it first; use theirs.
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            byte[] stored = B64_DECODE.decode(Files.readString(file).strip());
            if (stored.length < 32) {
                throw new IllegalStateException("token signing key in " + file + " is too short");
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key", e);
        }
    }
}

package io.vpbx.sip.registrar;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digest authentication (RFC 7616 as used by SIP, RFC 3261 §22.4 and RFC 8760) with {@code
 * qop=auth}, for MD5 and SHA-256.
 *
 * <p>Nonces are stateless and unforgeable: the issue time, random bytes and an HMAC over both with
 * a key that lives as long as this object. A nonce older than {@link #NONCE_LIFETIME} is answered
 * as stale (the client retries at once, without asking its user). Replays are refused by the nonce
 * count: each use of a nonce must carry a higher {@code nc} than the last, tracked for live nonces
 * only, so memory stays bounded. A restart or another node does not know the key: the client then
 * simply gets a fresh challenge.
 */
public final class DigestAuthenticator {
    public static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_TRACKED_NONCES = 200_000;

    /** How a credential check ended. */
    public enum Verdict {
        OK,
        /**
         * Right credentials on an expired nonce, or a nonce we did not issue (a restart, another
         * node): challenge again with {@code stale=true}.
         */
        STALE,
        /** Wrong password, replayed nonce count, or an unsupported digest: a failure. */
        FAILED
    }

    private final byte[] key = new byte[32];
    private final Map<String, Long> lastNonceCount = new ConcurrentHashMap<>();

    /**
     * Makes every nonce unique. It need not be secret (a nonce is public, and only our HMAC makes
     * it valid); a shared {@code SecureRandom} per challenge was a lock every SIP thread queued on.
     */
    private final AtomicLong sequence;

    /** One HMAC per thread: {@code Mac.getInstance} looks up providers under a lock each time. */
    private final ThreadLocal<Mac> macs;

    public DigestAuthenticator() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        sequence = new AtomicLong(random.nextLong());
        macs =
                ThreadLocal.withInitial(
                        () -> {
                            try {
                                Mac mac = Mac.getInstance("HmacSHA256");
                                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                                return mac;
                            } catch (GeneralSecurityException e) {
                                throw new IllegalStateException(
                                        "HmacSHA256 is missing from the JDK", e);
                            }
                        });
    }

    /** A fresh nonce for a challenge. */
    public String newNonce(Instant now) {
        long salt = sequence.incrementAndGet() ^ ThreadLocalRandom.current().nextLong();
        byte[] body = ByteBuffer.allocate(16).putLong(now.toEpochMilli()).putLong(salt).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sign(body));
    }

    /**
     * Checks credentials against the account's {@code H(username:realm:password)} for the algorithm
     * the client used.
     *
     * @param ha1 lower-case hex HA1 for {@code credentials.algorithm()}
     */
    public Verdict verify(DigestCredentials credentials, String method, String ha1, Instant now) {
        String algorithm = normalisedAlgorithm(credentials.algorithm());
        if (algorithm == null
                || !"auth".equals(credentials.qop())
                || credentials.nc() == null
                || credentials.cnonce() == null
                || credentials.uri() == null
                || credentials.response() == null) {
            return Verdict.FAILED;
        }
        Instant issued = issueTime(credentials.nonce());
        if (issued == null || issued.isAfter(now.plusSeconds(5))) {
            // Not a nonce of ours: from before a restart, or another node. A fresh challenge, not
            // a failure (a phone behind an office NAT must not get its office banned); a guesser
            // gains nothing, since only our nonces can be checked.
            return Verdict.STALE;
        }
        String expected =
                expectedResponse(
                        algorithm,
                        ha1,
                        credentials.nonce(),
                        credentials.nc(),
                        credentials.cnonce(),
                        method,
                        credentials.uri());
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                credentials
                        .response()
                        .toLowerCase(Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FAILED;
        }
        if (Duration.between(issued, now).compareTo(NONCE_LIFETIME) > 0) {
            return Verdict.STALE;
        }
        return acceptNonceCount(credentials.nonce(), credentials.nc(), now)
                ? Verdict.OK
                : Verdict.FAILED;
    }

    /** The response a client must send for {@code qop=auth} (RFC 7616 §3.4.1). */
    static String expectedResponse(
            String algorithm,
            String ha1,
            String nonce,
            String nc,
            String cnonce,
            String method,
            String uri) {
        String ha2 = hash(algorithm, method + ":" + uri);
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
    }

    /** {@code MD5} or {@code SHA-256} as the canonical name, {@code null} if unsupported. */
    public static String normalisedAlgorithm(String algorithm) {
        if (algorithm == null || algorithm.equalsIgnoreCase("MD5")) {
            return "MD5";
        }
        if (algorithm.equalsIgnoreCase("SHA-256")) {
            return "SHA-256";
        }
        return null;
    }

    private boolean acceptNonceCount(String nonce, String nc, Instant now) {
        long count;
        try {
            count = Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        if (lastNonceCount.size() >= MAX_TRACKED_NONCES) {
            forgetExpired(now);
        }
        boolean[] accepted = {false};
        lastNonceCount.compute(
                nonce,
                (n, last) -> {
                    if (last == null || count > last) {
                        accepted[0] = true;
                        return count;
                    }
                    return last;
                });
        return accepted[0];
    }

    /** Drops the counts of nonces that can no longer be used. */
    public void forgetExpired(Instant now) {
        lastNonceCount
                .keySet()
                .removeIf(
                        nonce -> {
                            Instant issued = issueTime(nonce);
                            return issued == null
                                    || Duration.between(issued, now).compareTo(NONCE_LIFETIME) > 0;
                        });
    }

    private byte[] sign(byte[] body) {
        byte[] mac = mac(body);
        return ByteBuffer.allocate(body.length + 16).put(body).put(mac, 0, 16).array();
    }

    /** The issue time of a nonce we made; {@code null} for anything else. */
    private Instant issueTime(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return null;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != 32) {
            return null;
        }
        byte[] body = new byte[16];
        System.arraycopy(raw, 0, body, 0, 16);
        byte[] presented = new byte[16];
        System.arraycopy(raw, 16, presented, 0, 16);
        byte[] expected = new byte[16];
        System.arraycopy(mac(body), 0, expected, 0, 16);
        if (!MessageDigest.isEqual(presented, expected)) {
            return null;
        }
        return Instant.ofEpochMilli(ByteBuffer.wrap(body).getLong());
    }

    private byte[] mac(byte[] body) {
        return macs.get().doFinal(body);
    }

    private static final ThreadLocal<MessageDigest> MD5 = digest("MD5");
    private static final ThreadLocal<MessageDigest> SHA256 = digest("SHA-256");

    private static ThreadLocal<MessageDigest> digest(String algorithm) {
        return ThreadLocal.withInitial(
                () -> {
                    try {
                        return MessageDigest.getInstance(algorithm);
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(algorithm + " is missing from the JDK", e);
                    }
                });
    }

    static String hash(String algorithm, String text) {
        MessageDigest digest = ("MD5".equals(algorithm) ? MD5 : SHA256).get();
        if (!digest.getAlgorithm().equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest " + algorithm);
        }
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.vpbx.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.sip.registrar.DigestAuthenticator.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final String REALM = "office.example.com";
    private static final String URI = "sip:office.example.com";

    private final DigestAuthenticator digest = new DigestAuthenticator();

    @Test
    void theResponseMatchesTheRfc2617Example() {
        String ha1 = DigestAuthenticator.hash("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
        assertThat(
                        DigestAuthenticator.expectedResponse(
                                "MD5",
                                ha1,
                                "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                                "00000001",
                                "0a4f113b",
                                "GET",
                                "/dir/index.html"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    private static String ha1(String algorithm, String password) {
        return DigestAuthenticator.hash(algorithm, "0462626:" + REALM + ":" + password);
    }

    private DigestCredentials answer(
            String algorithm, String nonce, String nc, String password, String method) {
        String response =
                DigestAuthenticator.expectedResponse(
                        algorithm, ha1(algorithm, password), nonce, nc, "c0ffee", method, URI);
        return new DigestCredentials(
                "0462626", REALM, nonce, URI, response, algorithm, "auth", nc, "c0ffee");
    }

    @Test
    void theRightPasswordPassesWithBothAlgorithms() {
        for (String algorithm : new String[] {"MD5", "SHA-256"}) {
            String nonce = digest.newNonce(T0);
            assertThat(
                            digest.verify(
                                    answer(algorithm, nonce, "00000001", "s3cret", "REGISTER"),
                                    "REGISTER",
                                    ha1(algorithm, "s3cret"),
                                    T0.plusSeconds(1)))
                    .as(algorithm)
                    .isEqualTo(Verdict.OK);
        }
    }

    @Test
    void aWrongPasswordOrAnotherMethodFailsAndAForeignNonceIsStale() {
        String nonce = digest.newNonce(T0);
        String ha1 = ha1("MD5", "s3cret");
        assertThat(
                        digest.verify(
                                answer("MD5", nonce, "00000001", "guess", "REGISTER"),
                                "REGISTER",
                                ha1,
                                T0))
                .isEqualTo(Verdict.FAILED);
        assertThat(
                        digest.verify(
                                answer("MD5", nonce, "00000001", "s3cret", "INVITE"),
                                "REGISTER",
                                ha1,
                                T0))
                .isEqualTo(Verdict.FAILED);
        String foreign = new DigestAuthenticator().newNonce(T0);
        assertThat(
                        digest.verify(
                                answer("MD5", foreign, "00000001", "s3cret", "REGISTER"),
                                "REGISTER",
                                ha1,
                                T0))
                .as("a nonce of another node or from before a restart is only stale")
                .isEqualTo(Verdict.STALE);
        assertThat(
                        digest.verify(
                                answer("MD5", "not-a-nonce", "00000001", "s3cret", "REGISTER"),
                                "REGISTER",
                                ha1,
                                T0))
                .isEqualTo(Verdict.STALE);
    }

    @Test
    void aReplayedNonceCountFailsAndAHigherOnePasses() {
        String nonce = digest.newNonce(T0);
        String ha1 = ha1("MD5", "s3cret");
        DigestCredentials first = answer("MD5", nonce, "00000001", "s3cret", "REGISTER");

        assertThat(digest.verify(first, "REGISTER", ha1, T0)).isEqualTo(Verdict.OK);
        assertThat(digest.verify(first, "REGISTER", ha1, T0)).isEqualTo(Verdict.FAILED);
        assertThat(
                        digest.verify(
                                answer("MD5", nonce, "00000002", "s3cret", "REGISTER"),
                                "REGISTER",
                                ha1,
                                T0))
                .isEqualTo(Verdict.OK);
    }

    @Test
    void anOldNonceIsStaleOnlyForTheRightPassword() {
        String nonce = digest.newNonce(T0);
        Instant later = T0.plus(DigestAuthenticator.NONCE_LIFETIME).plus(Duration.ofSeconds(1));

        assertThat(
                        digest.verify(
                                answer("MD5", nonce, "00000001", "s3cret", "REGISTER"),
                                "REGISTER",
                                ha1("MD5", "s3cret"),
                                later))
                .isEqualTo(Verdict.STALE);
        assertThat(
                        digest.verify(
                                answer("MD5", nonce, "00000001", "guess", "REGISTER"),
                                "REGISTER",
                                ha1("MD5", "s3cret"),
                                later))
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void withoutQopAuthOrWithAnUnknownAlgorithmItFails() {
        String nonce = digest.newNonce(T0);
        DigestCredentials ok = answer("MD5", nonce, "00000001", "s3cret", "REGISTER");
        DigestCredentials noQop =
                new DigestCredentials(
                        ok.username(),
                        ok.realm(),
                        ok.nonce(),
                        ok.uri(),
                        ok.response(),
                        "MD5",
                        null,
                        null,
                        null);
        DigestCredentials sha512 =
                new DigestCredentials(
                        ok.username(),
                        ok.realm(),
                        ok.nonce(),
                        ok.uri(),
                        ok.response(),
                        "SHA-512-256",
                        "auth",
                        "00000001",
                        "c0ffee");

        assertThat(digest.verify(noQop, "REGISTER", ha1("MD5", "s3cret"), T0))
                .isEqualTo(Verdict.FAILED);
        assertThat(digest.verify(sha512, "REGISTER", ha1("MD5", "s3cret"), T0))
                .isEqualTo(Verdict.FAILED);
    }
}

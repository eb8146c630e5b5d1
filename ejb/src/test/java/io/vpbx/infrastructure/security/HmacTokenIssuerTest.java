package io.vpbx.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacTokenIssuerTest {

    @TempDir Path dataDirectory;

    @Test
    void digestIsTheSha256HexOfTheToken() {
        assertThat(HmacTokenIssuer.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestIsSixtyFourLowerCaseHexCharacters() {
        String digest = HmacTokenIssuer.digest("q1w2e3r4t5y6u7i8o9p0-_.AbCdEf");

        assertThat(digest).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void differentTokensHaveDifferentDigests() {
        assertThat(HmacTokenIssuer.digest("token-a"))
                .isNotEqualTo(HmacTokenIssuer.digest("token-b"));
        assertThat(HmacTokenIssuer.digest("token-a")).isEqualTo(HmacTokenIssuer.digest("token-a"));
    }

    @Test
    void createsAThirtyTwoByteKeyFileReadableOnlyByTheOwner() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path keyFile = dataDirectory.resolve("keys").resolve("token-signing.key");

        byte[] key = HmacTokenIssuer.loadOrCreateKey(keyFile, bytesFrom(1));

        assertThat(key).hasSize(32).isEqualTo(expectedBytesFrom(1));
        assertThat(keyFile).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        byte[] stored =
                Base64.getUrlDecoder()
                        .decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
        assertThat(stored).isEqualTo(key);
    }

    @Test
    void secondCallReturnsTheSameKey() {
        Path keyFile = dataDirectory.resolve("token-signing.key");

        byte[] first = HmacTokenIssuer.loadOrCreateKey(keyFile, bytesFrom(1));
        byte[] second = HmacTokenIssuer.loadOrCreateKey(keyFile, bytesFrom(100));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void existingKeyFileIsUsedAsIs() throws IOException {
        Path keyFile = dataDirectory.resolve("token-signing.key");
        byte[] existing = expectedBytesFrom(50);
        Files.writeString(
                keyFile, Base64.getUrlEncoder().withoutPadding().encodeToString(existing) + "\n");

        assertThat(HmacTokenIssuer.loadOrCreateKey(keyFile, bytesFrom(1))).isEqualTo(existing);
    }

    @Test
    void keyShorterThanThirtyTwoBytesIsRefused() throws IOException {
        Path keyFile = dataDirectory.resolve("token-signing.key");
        Files.writeString(keyFile, Base64.getUrlEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> HmacTokenIssuer.loadOrCreateKey(keyFile, bytesFrom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }

    /** A "random" source that fills every array with start, start + 1, start + 2, ... */
    private static SecureRandom bytesFrom(int start) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (start + i);
                }
            }
        };
    }

    private static byte[] expectedBytesFrom(int start) {
        byte[] bytes = new byte[32];
        bytesFrom(start).nextBytes(bytes);
        return bytes;
    }
}

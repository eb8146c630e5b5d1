package io.vpbx.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretBoxTest {
    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final AesGcmSecretBox box = AesGcmSecretBox.withKey(key(7));

    @Test
    void aSealedSecretOpensToTheSameTextAndNeverContainsIt() {
        String sealed = box.seal("Pa55wordÜ");

        assertThat(sealed).startsWith("v1:").doesNotContain("Pa55word");
        assertThat(box.open(sealed)).isEqualTo("Pa55wordÜ");
        assertThat(box.seal("Pa55wordÜ")).isNotEqualTo(sealed);
    }

    @Test
    void anAlteredSecretOrAnotherKeyIsDetected() {
        String sealed = box.seal("secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.open(altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AesGcmSecretBox.withKey(key(8)).open(sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("plain")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("v1:AAAA")).isInstanceOf(IllegalStateException.class);
    }
}

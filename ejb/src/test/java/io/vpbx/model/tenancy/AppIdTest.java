package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AppIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"10000000", "12345678", "99999999"})
    void eightDigitsNotStartingWithZeroPass(String value) {
        assertThat(new AppId(value).value()).isEqualTo(value);
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        assertThat(new AppId(" 12345678 ").value()).isEqualTo("12345678");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "01234567",
                "00000000",
                "1234567",
                "123456789",
                "1234567a",
                "1234 5678",
                "+1234567",
                "１２３４５６７８"
            })
    void anythingElseIsInvalid(String value) {
        assertViolation(() -> new AppId(value), "appId", "error.appId.invalid");
    }

    @Test
    void randomIdsAreAlwaysValid() {
        for (long seed = 0; seed < 1000; seed++) {
            AppId id = AppId.random(new Random(seed));
            assertThat(id.value()).as("seed %d", seed).matches("[1-9][0-9]{7}");
        }
    }

    @Test
    void randomIdsCoverTheWholeRange() {
        assertThat(AppId.random(fixed(0)).value()).isEqualTo("10000000");
        assertThat(AppId.random(fixed(Integer.MAX_VALUE)).value()).isEqualTo("99999999");
    }

    @Test
    void sameSeedGivesSameId() {
        assertThat(AppId.random(new Random(42))).isEqualTo(AppId.random(new Random(42)));
    }

    /** A generator whose bounded ints are always the lowest, or the highest, allowed value. */
    private static RandomGenerator fixed(int wanted) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt(int bound) {
                return Math.min(wanted, bound - 1);
            }
        };
    }
}

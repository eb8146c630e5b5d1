package io.vpbx.model.security;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OneTimeTokenTest {
    private static final Instant ISSUED = Instant.parse("2025-03-03T09:00:00Z");
    private static final String DIGEST = "a".repeat(64);

    private static OneTimeToken jumpToken() {
        return new OneTimeToken(TokenPurpose.CONSOLE_JUMP, DIGEST, 9L, 7, "P:3:7", ISSUED);
    }

    private static OneTimeToken recoveryToken() {
        return new OneTimeToken(
                TokenPurpose.PASSWORD_RECOVERY, DIGEST, 9L, 12, "recovery:203.0.113.7", ISSUED);
    }

    @Test
    void purposesLiveOneMinuteAndOneDay() {
        assertThat(TokenPurpose.CONSOLE_JUMP.lifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(TokenPurpose.PASSWORD_RECOVERY.lifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void consoleJumpExpiresSixtySecondsAfterIssue() {
        assertThat(jumpToken().expiresAt()).isEqualTo(Instant.parse("2025-03-03T09:01:00Z"));
    }

    @Test
    void passwordRecoveryExpiresADayAfterIssue() {
        assertThat(recoveryToken().expiresAt()).isEqualTo(Instant.parse("2025-03-04T09:00:00Z"));
    }

    @Test
    void keepsWhatItWasIssuedFor() {
        OneTimeToken token = recoveryToken();

        assertThat(token.purpose()).isEqualTo(TokenPurpose.PASSWORD_RECOVERY);
        assertThat(token.domainId()).isEqualTo(9L);
        assertThat(token.subjectId()).isEqualTo(12L);
    }

    @Test
    void firstRedeemBeforeExpirySucceeds() {
        OneTimeToken token = jumpToken();

        assertThatCode(() -> token.redeem(ISSUED.plusSeconds(30))).doesNotThrowAnyException();
    }

    @Test
    void redeemJustBeforeExpirySucceeds() {
        OneTimeToken token = jumpToken();

        assertThatCode(() -> token.redeem(token.expiresAt().minusNanos(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void secondRedeemIsRefusedAsUsed() {
        OneTimeToken token = jumpToken();
        token.redeem(ISSUED.plusSeconds(1));

        assertViolation(() -> token.redeem(ISSUED.plusSeconds(2)), null, "error.token.used");
    }

    @Test
    void redeemAtTheExpiryInstantIsRefusedAsExpired() {
        OneTimeToken token = jumpToken();

        assertViolation(() -> token.redeem(token.expiresAt()), null, "error.token.expired");
    }

    @Test
    void redeemAfterExpiryIsRefusedAsExpired() {
        OneTimeToken token = recoveryToken();

        assertViolation(
                () -> token.redeem(ISSUED.plus(Duration.ofHours(25))), null, "error.token.expired");
    }

    @Test
    void usedTokenStaysUsedAfterItsExpiry() {
        OneTimeToken token = jumpToken();
        token.redeem(ISSUED.plusSeconds(1));

        assertViolation(() -> token.redeem(ISSUED.plusSeconds(120)), null, "error.token.used");
    }

    @Test
    void expiredRedeemDoesNotUseTheToken() {
        OneTimeToken token = jumpToken();

        assertViolation(() -> token.redeem(token.expiresAt()), null, "error.token.expired");
        assertViolation(
                () -> token.redeem(token.expiresAt().plusSeconds(1)), null, "error.token.expired");
    }

    @Test
    void isRedeemableUntilExpiry() {
        OneTimeToken token = jumpToken();

        assertThat(token.isRedeemable(ISSUED)).isTrue();
        assertThat(token.isRedeemable(token.expiresAt().minusNanos(1))).isTrue();
        assertThat(token.isRedeemable(token.expiresAt())).isFalse();
        assertThat(token.isRedeemable(token.expiresAt().plusSeconds(1))).isFalse();
    }

    @Test
    void isNotRedeemableOnceUsed() {
        OneTimeToken token = jumpToken();
        token.redeem(ISSUED.plusSeconds(1));

        assertThat(token.isRedeemable(ISSUED.plusSeconds(2))).isFalse();
    }
}

package io.vpbx.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginFailureTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final LoginThrottlePolicy POLICY = LoginThrottlePolicy.DEFAULT;

    private static LoginFailure newRecord() {
        return new LoginFailure("P:acme-pool:ivan", "203.0.113.7", T0);
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void defaultPolicyIsFiveFailuresInFifteenMinutesForAFifteenMinuteLock() {
        assertThat(POLICY)
                .isEqualTo(
                        new LoginThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15)));
    }

    @Test
    void newRecordIsNotLocked() {
        LoginFailure record = newRecord();

        assertThat(record.isLocked(T0)).isFalse();
        assertThat(record.failures()).isZero();
        assertThat(record.lockedUntil()).isNull();
    }

    @Test
    void fourFailuresDoNotLock() {
        LoginFailure record = newRecord();

        for (int i = 0; i < 4; i++) {
            assertThat(record.recordFailure(minutes(i), POLICY)).isFalse();
        }

        assertThat(record.failures()).isEqualTo(4);
        assertThat(record.isLocked(minutes(4))).isFalse();
        assertThat(record.lockedUntil()).isNull();
    }

    @Test
    void fifthFailureLocksForExactlyFifteenMinutes() {
        LoginFailure record = newRecord();
        for (int i = 0; i < 4; i++) {
            record.recordFailure(minutes(i), POLICY);
        }

        boolean locked = record.recordFailure(minutes(4), POLICY);

        assertThat(locked).isTrue();
        assertThat(record.lockedUntil()).isEqualTo(minutes(4 + 15));
        assertThat(record.isLocked(minutes(4))).isTrue();
        assertThat(record.isLocked(minutes(19).minusNanos(1))).isTrue();
        assertThat(record.isLocked(minutes(19))).isFalse();
    }

    @Test
    void failureAfterTheLockExpiredStartsCountingAfresh() {
        LoginFailure record = newRecord();
        for (int i = 0; i < 5; i++) {
            record.recordFailure(T0, POLICY);
        }
        Instant lockEnd = record.lockedUntil();

        boolean locked = record.recordFailure(lockEnd, POLICY);

        assertThat(locked).isFalse();
        assertThat(record.failures()).isEqualTo(1);
        assertThat(record.lockedUntil()).isNull();
        assertThat(record.isLocked(lockEnd)).isFalse();
    }

    @Test
    void afterTheLockExpiredFiveNewFailuresAreNeededToLockAgain() {
        LoginFailure record = newRecord();
        for (int i = 0; i < 5; i++) {
            record.recordFailure(T0, POLICY);
        }
        Instant later = T0.plus(Duration.ofHours(1));

        for (int i = 0; i < 4; i++) {
            assertThat(record.recordFailure(later, POLICY)).isFalse();
        }
        assertThat(record.recordFailure(later, POLICY)).isTrue();
        assertThat(record.lockedUntil()).isEqualTo(later.plus(Duration.ofMinutes(15)));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        LoginFailure record = newRecord();
        for (int i = 0; i < 4; i++) {
            record.recordFailure(T0, POLICY);
        }

        boolean locked = record.recordFailure(minutes(16), POLICY);

        assertThat(locked).isFalse();
        assertThat(record.failures()).isEqualTo(1);
        assertThat(record.isLocked(minutes(16))).isFalse();
    }

    @Test
    void customPolicyLocksAfterItsOwnCountForItsOwnDuration() {
        LoginThrottlePolicy strict =
                new LoginThrottlePolicy(3, Duration.ofMinutes(10), Duration.ofHours(1));
        LoginFailure record = newRecord();

        assertThat(record.recordFailure(T0, strict)).isFalse();
        assertThat(record.recordFailure(minutes(1), strict)).isFalse();
        assertThat(record.recordFailure(minutes(2), strict)).isTrue();
        assertThat(record.lockedUntil()).isEqualTo(minutes(2 + 60));
    }

    @Test
    void policyRefusesNonsensicalSettings() {
        assertThatThrownBy(
                        () ->
                                new LoginThrottlePolicy(
                                        0, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginThrottlePolicy(5, Duration.ZERO, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new LoginThrottlePolicy(
                                        5, Duration.ofMinutes(-1), Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new LoginThrottlePolicy(
                                        5, Duration.ofMinutes(15), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockEvenAcrossTheEndOfTheFirstWindow() {
        LoginFailure record = newRecord();
        record.recordFailure(T0, POLICY);
        record.recordFailure(minutes(14), POLICY);
        record.recordFailure(minutes(14), POLICY);
        record.recordFailure(minutes(14), POLICY);
        // The failure at T0 is now older than the window; the three at 14 min are not.
        record.recordFailure(minutes(16), POLICY);

        // Failures at 14, 14, 14, 16 and 16:30 are five within 15 minutes.
        boolean locked = record.recordFailure(minutes(16).plusSeconds(30), POLICY);

        assertThat(locked).isTrue();
    }
}

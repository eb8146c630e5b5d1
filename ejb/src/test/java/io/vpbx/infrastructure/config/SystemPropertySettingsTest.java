package io.vpbx.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.security.LoginThrottlePolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemPropertySettingsTest {
    private final SystemPropertySettings settings = new SystemPropertySettings();

    @AfterEach
    void clear() {
        System.clearProperty("vpbx.login.max-failures");
        System.clearProperty("vpbx.login.window-minutes");
        System.clearProperty("vpbx.login.lock-minutes");
    }

    @Test
    void theLockOutPolicyComesFromTheSettings() {
        System.setProperty("vpbx.login.max-failures", "7");
        System.setProperty("vpbx.login.window-minutes", "10");
        System.setProperty("vpbx.login.lock-minutes", " 30 ");

        assertThat(settings.loginThrottlePolicy())
                .isEqualTo(
                        new LoginThrottlePolicy(7, Duration.ofMinutes(10), Duration.ofMinutes(30)));
    }

    @Test
    void anImpossiblePolicyFallsBackToTheDefaultsInsteadOfLockingEveryoneOut() {
        System.setProperty("vpbx.login.max-failures", "0");

        assertThat(settings.loginThrottlePolicy()).isEqualTo(LoginThrottlePolicy.DEFAULT);
    }

    @Test
    void aValueThatIsNotANumberUsesItsDefault() {
        System.setProperty("vpbx.login.max-failures", "five");
        System.setProperty("vpbx.login.lock-minutes", "20");

        assertThat(settings.loginThrottlePolicy())
                .isEqualTo(
                        new LoginThrottlePolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(20)));
    }
}

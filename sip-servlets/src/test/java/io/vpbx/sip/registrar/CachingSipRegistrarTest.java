package io.vpbx.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.sip.RegisterOutcome;
import io.vpbx.application.sip.SipAccount;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.model.sip.Bindings;
import io.vpbx.model.sip.IpAllowList;
import io.vpbx.model.sip.RegisterAttempt;
import io.vpbx.model.sip.RegistrarPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingSipRegistrarTest {
    private final AtomicInteger lookups = new AtomicInteger();
    private Instant now = Instant.parse("2026-05-01T10:00:00Z");

    private final SipRegistrar core =
            new SipRegistrar() {
                @Override
                public Optional<SipAccount> account(String sipDomain, String login) {
                    lookups.incrementAndGet();
                    return login.equals("0462626")
                            ? Optional.of(
                                    new SipAccount(
                                            1,
                                            2,
                                            sipDomain,
                                            login,
                                            "m",
                                            "s",
                                            4,
                                            false,
                                            IpAllowList.ANY,
                                            SipAccount.State.USABLE))
                            : Optional.empty();
                }

                @Override
                public boolean domainExists(String sipDomain) {
                    lookups.incrementAndGet();
                    return true;
                }

                @Override
                public RegisterOutcome register(long d, long n, RegisterAttempt a) {
                    lookups.incrementAndGet();
                    return new RegisterOutcome(Bindings.Outcome.APPLIED, List.of(), 4);
                }

                @Override
                public RegistrarPolicy policy() {
                    lookups.incrementAndGet();
                    return RegistrarPolicy.DEFAULT;
                }

                @Override
                public boolean isBanned(String sourceAddress) {
                    return false;
                }

                @Override
                public void authenticationFailed(String a, String d, String l) {}
            };

    private final CachingSipRegistrar cache =
            new CachingSipRegistrar(
                    core,
                    new Clock() {
                        @Override
                        public Instant instant() {
                            return now;
                        }

                        @Override
                        public java.time.ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }
                    },
                    Duration.ofSeconds(10));

    @Test
    void repeatedLookupsHitTheCoreOncePerTtlAndUnknownAccountsAreCachedToo() {
        for (int i = 0; i < 5; i++) {
            assertThat(cache.account("Office.example.com", "0462626")).isPresent();
            assertThat(cache.account("office.example.com", "nobody")).isEmpty();
            assertThat(cache.domainExists("office.example.com")).isTrue();
            assertThat(cache.policy()).isEqualTo(RegistrarPolicy.DEFAULT);
        }
        assertThat(lookups).hasValue(4);

        now = now.plusSeconds(11);
        cache.account("office.example.com", "0462626");
        assertThat(lookups).hasValue(5);
    }

    @Test
    void bindingsAreNeverCachedEveryRegisterReachesTheCore() {
        RegisterAttempt attempt =
                new RegisterAttempt("c", 1, false, List.of(), now, "192.0.2.1", 5060, "UDP", null);
        cache.register(1, 2, attempt);
        cache.register(1, 2, attempt);
        assertThat(lookups).hasValue(2);
    }
}

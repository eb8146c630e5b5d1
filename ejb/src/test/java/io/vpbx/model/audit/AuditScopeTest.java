package io.vpbx.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuditScopeTest {

    @Test
    void poolScopeHasOnlyThePool() {
        assertThat(AuditScope.pool(3)).isEqualTo(new AuditScope(3L, null));
    }

    @Test
    void domainScopeHasOnlyTheDomain() {
        assertThat(AuditScope.domain(9)).isEqualTo(new AuditScope(null, 9L));
    }

    @Test
    void platformScopeHasNeither() {
        assertThat(AuditScope.PLATFORM.poolId()).isNull();
        assertThat(AuditScope.PLATFORM.domainId()).isNull();
    }

    @Test
    void poolAndDomainTogetherAreRejected() {
        assertThatThrownBy(() -> new AuditScope(3L, 9L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.vpbx.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditQueryTest {
    private static final Instant MARCH_1 = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant MARCH_31 = Instant.parse("2025-03-31T23:59:59Z");
    private static final AuditScope POOL_3 = AuditScope.pool(3);

    private static AuditQuery period(Instant from, Instant to) {
        return new AuditQuery(POOL_3, from, to, null, null, null, null, null);
    }

    private static AuditQuery texts(String actorText, String objectText) {
        return new AuditQuery(POOL_3, null, null, actorText, objectText, null, null, null);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void blankTextFiltersMeanAny(String text) {
        AuditQuery query = texts(text, text);

        assertThat(query.actorText()).isNull();
        assertThat(query.objectText()).isNull();
    }

    @Test
    void textFiltersAreTrimmed() {
        AuditQuery query = texts("  ivan ", "\tacme.ru\n");

        assertThat(query.actorText()).isEqualTo("ivan");
        assertThat(query.objectText()).isEqualTo("acme.ru");
    }

    @Test
    void periodInOrderIsKept() {
        AuditQuery query = period(MARCH_1, MARCH_31);

        assertThat(query.from()).isEqualTo(MARCH_1);
        assertThat(query.to()).isEqualTo(MARCH_31);
    }

    @Test
    void swappedPeriodIsReordered() {
        AuditQuery query = period(MARCH_31, MARCH_1);

        assertThat(query.from()).isEqualTo(MARCH_1);
        assertThat(query.to()).isEqualTo(MARCH_31);
    }

    @Test
    void singleInstantPeriodIsKept() {
        AuditQuery query = period(MARCH_1, MARCH_1);

        assertThat(query.from()).isEqualTo(MARCH_1);
        assertThat(query.to()).isEqualTo(MARCH_1);
    }

    @Test
    void openEndedPeriodsAreKept() {
        assertThat(period(MARCH_31, null).from()).isEqualTo(MARCH_31);
        assertThat(period(MARCH_31, null).to()).isNull();
        assertThat(period(null, MARCH_1).from()).isNull();
        assertThat(period(null, MARCH_1).to()).isEqualTo(MARCH_1);
    }

    @Test
    void scopeIsRequired() {
        assertThatThrownBy(() -> AuditQuery.all(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditQuery(null, null, null, "ivan", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allMatchesEverythingInTheScope() {
        assertThat(AuditQuery.all(POOL_3))
                .isEqualTo(new AuditQuery(POOL_3, null, null, null, null, null, null, null));
    }

    @Test
    void upToFreezesTheSameSelection() {
        AuditQuery query =
                new AuditQuery(
                        POOL_3,
                        MARCH_1,
                        MARCH_31,
                        "ivan",
                        "acme",
                        AuditObjectType.DOMAIN,
                        AuditAction.EDIT,
                        null);

        AuditQuery frozen = query.upTo(500L);

        assertThat(frozen)
                .isEqualTo(
                        new AuditQuery(
                                POOL_3,
                                MARCH_1,
                                MARCH_31,
                                "ivan",
                                "acme",
                                AuditObjectType.DOMAIN,
                                AuditAction.EDIT,
                                500L));
        assertThat(query.upToId()).isNull();
    }
}

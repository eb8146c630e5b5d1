package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolTest {
    private static final Instant CREATED = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void keepsTrimmedNameRoutingLengthAndCreationTime() {
        Pool pool = new Pool("  Acme group ", 3, CREATED);

        assertThat(pool.name()).isEqualTo("Acme group");
        assertThat(pool.routingNumberLength()).isEqualTo(3);
        assertThat(pool.createdAt()).isEqualTo(CREATED);
        assertThat(pool.id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void routingLengthFromTwoToEightIsAllowed(int length) {
        assertThat(new Pool("Acme", length, CREATED).routingNumberLength()).isEqualTo(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 9, 20})
    void routingLengthOutsideTwoToEightIsRefused(int length) {
        assertViolation(
                () -> new Pool("Acme", length, CREATED),
                "routingNumberLength",
                "error.limit.range",
                2,
                8);
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertViolation(() -> new Pool(" ", 3, CREATED), "name", "error.field.required");
        assertViolation(
                () -> new Pool("x".repeat(129), 3, CREATED), "name", "error.field.tooLong", 128);
    }

    @Test
    void renameTrimsAndValidates() {
        Pool pool = new Pool("Acme", 3, CREATED);

        pool.rename(" Acme Holding ");
        assertThat(pool.name()).isEqualTo("Acme Holding");

        assertViolation(() -> pool.rename(""), "name", "error.field.required");
        assertThat(pool.name()).isEqualTo("Acme Holding");
    }
}

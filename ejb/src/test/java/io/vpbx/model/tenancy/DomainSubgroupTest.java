package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DomainSubgroupTest {
    private final Pool pool = new Pool("Acme", 3, Instant.parse("2025-03-03T09:00:00Z"));

    @Test
    void noGroupIsTheSystemSubgroupOfItsPool() {
        DomainSubgroup noGroup = DomainSubgroup.noGroupOf(pool);

        assertThat(noGroup.isSystem()).isTrue();
        assertThat(noGroup.name()).isEqualTo("Без группы").isEqualTo(DomainSubgroup.NO_GROUP_NAME);
        assertThat(noGroup.pool()).isSameAs(pool);
    }

    @Test
    void namedSubgroupIsNotSystemAndHasATrimmedName() {
        DomainSubgroup sales = DomainSubgroup.named(pool, "  Sales ");

        assertThat(sales.isSystem()).isFalse();
        assertThat(sales.name()).isEqualTo("Sales");
        assertThat(sales.pool()).isSameAs(pool);
    }

    @Test
    void namedSubgroupNeedsAValidName() {
        assertViolation(() -> DomainSubgroup.named(pool, "  "), "name", "error.field.required");
        assertViolation(
                () -> DomainSubgroup.named(pool, "x".repeat(129)),
                "name",
                "error.field.tooLong",
                128);
    }

    @Test
    void aGroupCannotTakeTheNameOfNoGroupInEitherLanguage() {
        for (String name : new String[] {"Без группы", "без ГРУППЫ", " No group ", "NO GROUP"}) {
            assertViolation(
                    () -> DomainSubgroup.named(pool, name), "name", "error.subgroup.reservedName");
        }
        DomainSubgroup sales = DomainSubgroup.named(pool, "Sales");
        assertViolation(() -> sales.rename("No Group"), "name", "error.subgroup.reservedName");
        assertThat(sales.name()).isEqualTo("Sales");
        assertThat(DomainSubgroup.named(pool, "Без группы 2").name()).isEqualTo("Без группы 2");
    }

    @Test
    void noGroupCannotBeRenamed() {
        DomainSubgroup noGroup = DomainSubgroup.noGroupOf(pool);

        assertViolation(() -> noGroup.rename("Other"), null, "error.subgroup.systemImmutable");
        assertThat(noGroup.name()).isEqualTo(DomainSubgroup.NO_GROUP_NAME);
    }

    @Test
    void namedSubgroupCanBeRenamed() {
        DomainSubgroup sales = DomainSubgroup.named(pool, "Sales");

        sales.rename(" Sales & Support ");

        assertThat(sales.name()).isEqualTo("Sales & Support");
    }

    @Test
    void renameValidatesTheNewName() {
        DomainSubgroup sales = DomainSubgroup.named(pool, "Sales");

        assertViolation(() -> sales.rename(null), "name", "error.field.required");
        assertThat(sales.name()).isEqualTo("Sales");
    }

    @Test
    void requireNotSystemRefusesNoGroup() {
        assertViolation(
                () -> DomainSubgroup.noGroupOf(pool).requireNotSystem(),
                null,
                "error.subgroup.systemImmutable");
    }

    @Test
    void requireNotSystemAcceptsANamedSubgroup() {
        assertThatCode(() -> DomainSubgroup.named(pool, "Sales").requireNotSystem())
                .doesNotThrowAnyException();
    }
}

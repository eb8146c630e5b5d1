package io.vpbx.model.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test support: asserts the exact message key, field and arguments of a {@link RuleViolation}. */
public final class RuleViolations {
    private RuleViolations() {}

    /** Runs {@code call} and returns the violation it must throw. */
    public static RuleViolation violationOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a RuleViolation").isInstanceOf(RuleViolation.class);
        return (RuleViolation) thrown;
    }

    /**
     * Asserts that {@code call} throws a violation with exactly this field ({@code null} for the
     * form as a whole), message key and arguments.
     */
    public static void assertViolation(
            ThrowingCallable call, String field, String messageKey, Object... arguments) {
        RuleViolation violation = violationOf(call);
        assertThat(violation.messageKey()).as("message key").isEqualTo(messageKey);
        assertThat(violation.field()).as("field").isEqualTo(field);
        assertThat(violation.arguments()).as("arguments").containsExactly(arguments);
    }
}

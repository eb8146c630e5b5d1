package io.vpbx.model.tenancy;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "101", "010", "99999", " 102 "})
    void oneToFiveDigitsAreAnExtension(String value) {
        assertThat(new Extension(value).value()).isEqualTo(value.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000", "10a", "+101", "1 01", "١٠١", "*7"})
    void anythingElseIsRefusedOnTheExtensionField(String value) {
        assertViolation(() -> new Extension(value), "extension", "error.extension.invalid");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void anExtensionIsRequired(String value) {
        assertViolation(() -> new Extension(value), "extension", "error.extension.required");
    }
}

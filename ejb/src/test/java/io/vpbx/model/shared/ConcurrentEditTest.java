package io.vpbx.model.shared;

import static io.vpbx.model.shared.RuleViolations.assertViolation;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrentEditTest {

    @Test
    void sameVersionPasses() {
        assertThatCode(() -> ConcurrentEdit.check(3, 3)).doesNotThrowAnyException();
    }

    @Test
    void versionChangedByAnotherUserIsAConcurrentEdit() {
        assertThatThrownBy(() -> ConcurrentEdit.check(3, 4)).isInstanceOf(ConcurrentEdit.class);
        assertViolation(() -> ConcurrentEdit.check(3, 4), null, "error.concurrentEdit");
    }

    @Test
    void anyDifferenceInVersionIsAConcurrentEdit() {
        assertViolation(() -> ConcurrentEdit.check(5, 4), null, "error.concurrentEdit");
    }
}

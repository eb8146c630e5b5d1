package io.vpbx.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JpaDomainRepositoryTest {

    @Test
    void percentIsEscaped() {
        assertThat(JpaDomainRepository.escapeLike("50%")).isEqualTo("50!%");
    }

    @Test
    void underscoreIsEscaped() {
        assertThat(JpaDomainRepository.escapeLike("a_b")).isEqualTo("a!_b");
    }

    @Test
    void escapeCharacterItselfIsDoubled() {
        assertThat(JpaDomainRepository.escapeLike("!")).isEqualTo("!!");
    }

    @Test
    void escapesAreNotEscapedTwice() {
        assertThat(JpaDomainRepository.escapeLike("!%_!")).isEqualTo("!!!%!_!!");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertThat(JpaDomainRepository.escapeLike("")).isEmpty();
        assertThat(JpaDomainRepository.escapeLike("office.acme.ru")).isEqualTo("office.acme.ru");
        assertThat(JpaDomainRepository.escapeLike("Ромашка [1] \\ ^$"))
                .isEqualTo("Ромашка [1] \\ ^$");
    }
}

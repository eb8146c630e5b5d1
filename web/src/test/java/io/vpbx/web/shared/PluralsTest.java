package io.vpbx.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.web.shared.Plurals.Plural;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PluralsTest {
    private static final Locale RU = Locale.forLanguageTag("ru");

    @Test
    void russianCountsTakeOneFewOrMany() {
        assertThat(List.of(1, 21, 101, 1001).stream().map(n -> Plurals.plural(RU, n)))
                .containsOnly(Plural.ONE);
        assertThat(List.of(2, 3, 4, 22, 34, 102).stream().map(n -> Plurals.plural(RU, n)))
                .containsOnly(Plural.FEW);
        assertThat(
                        List.of(0, 5, 9, 10, 11, 12, 13, 14, 15, 20, 25, 111, 112, 114).stream()
                                .map(n -> Plurals.plural(RU, n)))
                .containsOnly(Plural.MANY);
    }

    @Test
    void englishCountsTakeOneOrOther() {
        assertThat(Plurals.plural(Locale.ENGLISH, 1)).isEqualTo(Plural.ONE);
        assertThat(Plurals.plural(Locale.ENGLISH, 0)).isEqualTo(Plural.MANY);
        assertThat(Plurals.plural(Locale.ENGLISH, 2)).isEqualTo(Plural.MANY);
        assertThat(Plurals.plural(Locale.ENGLISH, 21)).isEqualTo(Plural.MANY);
    }

    @Test
    void aCountIsTheNumberAndTheWordOfItsCategory() {
        assertThat(Plurals.count(RU, 22, "calls.count", k -> k)).isEqualTo("22 calls.count.few");
        assertThat(Plurals.count(Locale.ENGLISH, 1, "calls.count", k -> k))
                .isEqualTo("1 calls.count.one");
    }
}

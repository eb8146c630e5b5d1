package io.vpbx.model.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "en-GB"})
    void englishInAnyRegionIsEnglish(String tag) {
        assertThat(Languages.supported(Locale.forLanguageTag(tag))).isEqualTo(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "ru-RU", "de", "fr-FR", "zh", "uk"})
    void everyOtherLanguageIsRussian(String tag) {
        assertThat(Languages.supported(Locale.forLanguageTag(tag)))
                .isEqualTo(Locale.forLanguageTag("ru"));
    }

    @Test
    void noRequestedLanguageIsRussian() {
        assertThat(Languages.supported(null)).isEqualTo(Languages.RUSSIAN);
        assertThat(Languages.supported(Locale.ROOT)).isEqualTo(Languages.RUSSIAN);
    }

    @Test
    void russianComesFirstAmongAllLanguages() {
        assertThat(Languages.ALL).containsExactly(Languages.RUSSIAN, Languages.ENGLISH);
        assertThat(Languages.RUSSIAN.getLanguage()).isEqualTo("ru");
    }
}

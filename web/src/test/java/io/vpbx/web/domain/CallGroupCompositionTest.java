package io.vpbx.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The group list's composition line (spec C BR-A2) with the Russian and English plural forms, the
 * words taken from the real bundles' texts.
 */
class CallGroupCompositionTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Function<String, String> RUSSIAN =
            Map.of(
                            "callGroups.users.one", "пользователь",
                            "callGroups.users.few", "пользователя",
                            "callGroups.users.many", "пользователей",
                            "callGroups.operators.one", "оператор",
                            "callGroups.operators.few", "оператора",
                            "callGroups.operators.many", "операторов",
                            "callGroups.noMembers", "Нет участников")
                    ::get;
    private static final Function<String, String> ENGLISH =
            Map.of(
                            "callGroups.users.one", "user",
                            "callGroups.users.few", "users",
                            "callGroups.users.many", "users",
                            "callGroups.operators.one", "operator",
                            "callGroups.operators.few", "operators",
                            "callGroups.operators.many", "operators",
                            "callGroups.noMembers", "No members")
                    ::get;

    @Test
    void theLineNamesBothCountsThenEveryMember() {
        List<String> eleven =
                List.of("А1", "А2", "А3", "А4", "А5", "А6", "А7", "А8", "А9", "А10", "А11");
        assertThat(CallGroupComposition.line(RU, 9, 2, eleven, RUSSIAN))
                .isEqualTo(
                        "9 пользователей, 2 оператора: А1, А2, А3, А4, А5, А6, А7, А8, А9, А10,"
                                + " А11");
        assertThat(CallGroupComposition.line(RU, 1, 1, List.of("Анна", "Борис"), RUSSIAN))
                .isEqualTo("1 пользователь, 1 оператор: Анна, Борис");
        assertThat(CallGroupComposition.line(RU, 2, 5, List.of("x"), RUSSIAN))
                .isEqualTo("2 пользователя, 5 операторов: x");
        assertThat(
                        CallGroupComposition.line(
                                Locale.ENGLISH, 2, 1, List.of("Ann", "Bob", "Cy"), ENGLISH))
                .isEqualTo("2 users, 1 operator: Ann, Bob, Cy");
    }

    @Test
    void aZeroPartIsLeftOut() {
        assertThat(CallGroupComposition.line(RU, 0, 3, List.of("А", "Б", "В"), RUSSIAN))
                .isEqualTo("3 оператора: А, Б, В");
        assertThat(CallGroupComposition.line(RU, 5, 0, List.of("1", "2", "3", "4", "5"), RUSSIAN))
                .isEqualTo("5 пользователей: 1, 2, 3, 4, 5");
        assertThat(CallGroupComposition.line(Locale.ENGLISH, 1, 0, List.of("Ann"), ENGLISH))
                .isEqualTo("1 user: Ann");
    }

    @Test
    void aGroupWithoutMembersSaysSo() {
        assertThat(CallGroupComposition.line(RU, 0, 0, List.of(), RUSSIAN))
                .isEqualTo("Нет участников");
        assertThat(CallGroupComposition.line(Locale.ENGLISH, 0, 0, List.of(), ENGLISH))
                .isEqualTo("No members");
    }
}

package io.vpbx.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditLabelsTest {
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final AuditLabels russian = AuditLabels.of(RUSSIAN);
    private final AuditLabels english = AuditLabels.of(Locale.ENGLISH);

    @Test
    void changedValueReadsBeforeArrowAfterInRussian() {
        String json = AuditChanges.create().changed("displayName", "Old", "New").toJson();

        assertThat(russian.changeLines(json)).containsExactly("Отображаемое имя: Old → New");
    }

    @Test
    void changedValueReadsBeforeArrowAfterInEnglish() {
        String json = AuditChanges.create().changed("displayName", "Old", "New").toJson();

        assertThat(english.changeLines(json)).containsExactly("Display name: Old → New");
    }

    @Test
    void secretShowsOnlyTheMask() {
        String json = AuditChanges.create().secretChanged("password").toJson();

        assertThat(russian.changeLines(json)).containsExactly("Пароль: ******");
        assertThat(english.changeLines(json)).containsExactly("Password: ******");
    }

    @Test
    void valueSetOnANewObjectShowsFieldAndValue() {
        String json = AuditChanges.create().set("companyName", "ООО «Ромашка»").toJson();

        assertThat(russian.changeLines(json)).containsExactly("Компания: ООО «Ромашка»");
        assertThat(english.changeLines(json)).containsExactly("Company: ООО «Ромашка»");
    }

    @Test
    void removedValueShowsADash() {
        String json = AuditChanges.create().changed("phone", "+7 495 1234567", null).toJson();

        assertThat(english.changeLines(json)).containsExactly("Phone: +7 495 1234567 → —");
    }

    @Test
    void severalChangesGiveOneLineEachInOrder() {
        String json =
                AuditChanges.create()
                        .set("name", "Acme")
                        .changed("maxUsers", 10, 20)
                        .secretChanged("password")
                        .toJson();

        assertThat(english.changeLines(json))
                .containsExactly("Name: Acme", "User limit: 10 → 20", "Password: ******");
    }

    @Test
    void storedConstantsReadInTheReadersLanguage() {
        String json =
                "[{\"field\":\"status\",\"before\":\"ACTIVE\",\"after\":\"BLOCKED\"},"
                        + "{\"field\":\"role\",\"before\":\"SUPERVISOR\",\"after\":null},"
                        + "{\"field\":\"subgroup\",\"before\":\"Продажи\",\"after\":\"Без группы\"}]";

        assertThat(english.changeLines(json))
                .containsExactly(
                        "Status: Active → Blocked",
                        "Role: Supervisor → —",
                        "Group: Продажи → No group");
        assertThat(russian.changeLines(json))
                .containsExactly(
                        "Статус: Активен → Заблокирован",
                        "Роль: Супервизор → —",
                        "Группа: Продажи → Без группы");
    }

    @Test
    void aConstantInAFreeTextFieldIsLeftAsTyped() {
        String json = "[{\"field\":\"displayName\",\"before\":null,\"after\":\"BLOCKED\"}]";

        assertThat(english.changeLines(json)).containsExactly("Display name: BLOCKED");
    }

    @Test
    void unknownFieldIsShownByItsName() {
        String json = AuditChanges.create().changed("ringTimeout", "20", "30").toJson();

        assertThat(russian.changeLines(json)).containsExactly("ringTimeout: 20 → 30");
    }

    @Test
    void escapedCharactersComeBackAsWritten() {
        String json =
                AuditChanges.create()
                        .changed("displayName", "say \"hi\"", "C:\\pbx\nline\u0001")
                        .toJson();

        assertThat(english.changeLines(json))
                .containsExactly("Display name: say \"hi\" → C:\\pbx\nline\u0001");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "[]"})
    void noChangeDataGivesNoLines(String json) {
        assertThat(english.changeLines(json)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[{\"field\":\"name\",\"before\":\"a\"",
                "{\"field\":\"name\"}",
                "[1]",
                "[null]",
                "[[\"name\",\"a\",\"b\"]]",
                "\"name\""
            })
    void malformedDataComesBackAsOneLineWithTheRawText(String raw) {
        assertThat(english.changeLines(raw)).containsExactly(raw);
    }

    @Test
    void partlyMalformedDataComesBackAsOneLineWithTheRawText() {
        String raw = "[{\"field\":\"name\",\"before\":\"a\",\"after\":\"b\"},1]";

        assertThat(english.changeLines(raw)).containsExactly(raw);
    }

    @Test
    void actionLabelsInBothLanguages() {
        assertThat(russian.action(AuditAction.ADD)).isEqualTo("Добавление");
        assertThat(russian.action(AuditAction.EDIT)).isEqualTo("Редактирование");
        assertThat(russian.action(AuditAction.DELETE)).isEqualTo("Удаление");
        assertThat(russian.action(AuditAction.LOGIN)).isEqualTo("Вход в систему");
        assertThat(russian.action(AuditAction.CONSOLE_JUMP)).isEqualTo("Переход в консоль домена");

        assertThat(english.action(AuditAction.ADD)).isEqualTo("Add");
        assertThat(english.action(AuditAction.EDIT)).isEqualTo("Edit");
        assertThat(english.action(AuditAction.DELETE)).isEqualTo("Delete");
        assertThat(english.action(AuditAction.LOGIN)).isEqualTo("Login");
        assertThat(english.action(AuditAction.CONSOLE_JUMP)).isEqualTo("Jump into domain console");
    }

    @Test
    void objectTypeLabelsInBothLanguages() {
        assertThat(russian.objectType(AuditObjectType.POOL)).isEqualTo("Пул доменов");
        assertThat(russian.objectType(AuditObjectType.SUBGROUP)).isEqualTo("Группа доменов");
        assertThat(russian.objectType(AuditObjectType.DOMAIN)).isEqualTo("Домен");
        assertThat(russian.objectType(AuditObjectType.POOL_ADMIN)).isEqualTo("Администратор пула");
        assertThat(russian.objectType(AuditObjectType.DOMAIN_USER)).isEqualTo("Пользователь");
        assertThat(russian.objectType(AuditObjectType.OPERATOR)).isEqualTo("Администратор системы");

        assertThat(english.objectType(AuditObjectType.POOL)).isEqualTo("Domain pool");
        assertThat(english.objectType(AuditObjectType.SUBGROUP)).isEqualTo("Domain group");
        assertThat(english.objectType(AuditObjectType.DOMAIN)).isEqualTo("Domain");
        assertThat(english.objectType(AuditObjectType.POOL_ADMIN)).isEqualTo("Pool administrator");
        assertThat(english.objectType(AuditObjectType.DOMAIN_USER)).isEqualTo("User");
        assertThat(english.objectType(AuditObjectType.OPERATOR)).isEqualTo("System administrator");
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void everyActionIsTranslatedInBothLanguages(AuditAction action) {
        assertThat(russian.action(action)).isNotEqualTo(action.name());
        assertThat(english.action(action)).isNotEqualTo(action.name());
    }

    @ParameterizedTest
    @EnumSource(AuditObjectType.class)
    void everyObjectTypeIsTranslatedInBothLanguages(AuditObjectType type) {
        assertThat(russian.objectType(type)).isNotEqualTo(type.name());
        assertThat(english.objectType(type)).isNotEqualTo(type.name());
    }

    @ParameterizedTest
    @EnumSource(ActorKind.class)
    void everyActorKindIsTranslatedInBothLanguages(ActorKind kind) {
        assertThat(russian.actorKind(kind)).isNotEqualTo(kind.name());
        assertThat(english.actorKind(kind)).isNotEqualTo(kind.name());
    }

    @Test
    void unsupportedLanguageReadsInRussian() {
        AuditLabels german = AuditLabels.of(Locale.GERMAN);

        assertThat(german.action(AuditAction.ADD)).isEqualTo("Добавление");
        assertThat(german.sheetName()).isEqualTo("История действий");
    }

    @Test
    void columnsAndSheetName() {
        assertThat(english.column("occurredAt")).isEqualTo("Date and time");
        assertThat(russian.column("ip")).isEqualTo("IP-адрес");
        assertThat(english.column("nonexistent")).isEqualTo("nonexistent");
        assertThat(english.sheetName()).isEqualTo("Action history");
    }
}

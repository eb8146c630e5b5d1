package io.vpbx.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.shared.Languages;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailTemplatesTest {

    /** Every template with the values its sender supplies (CredentialMails, password recovery). */
    private static final Map<String, Map<String, String>> TEMPLATE_VALUES =
            Map.of(
                    "poolAdminCredentials",
                    Map.of(
                            "poolName", "Acme Holding",
                            "displayName", "Ivan Petrov",
                            "login", "ivan.petrov",
                            "url", "https://pbx.example.com/group/",
                            "password", "Secret42"),
                    "poolAdminNewPassword",
                    Map.of(
                            "poolName", "Acme Holding",
                            "displayName", "Ivan Petrov",
                            "login", "ivan.petrov",
                            "url", "https://pbx.example.com/group/",
                            "password", "Secret42"),
                    "poolAdminAccess",
                    Map.of(
                            "poolName", "Acme Holding",
                            "displayName", "Ivan Petrov",
                            "login", "ivan.petrov",
                            "url", "https://pbx.example.com/group/"),
                    "domainAdminCredentials",
                    Map.of(
                            "domain", "office.acme.ru",
                            "displayName", "Ivan Petrov",
                            "login", "a.smirnov",
                            "password", "Secret42",
                            "url", "https://pbx.example.com/domain/"),
                    "employeeCredentials",
                    employeeValues(true),
                    "employeeSipCredentials",
                    employeeValues(false),
                    "passwordRecovery",
                    Map.of(
                            "displayName", "Ivan Petrov",
                            "login", "ivan",
                            "domain", "office.acme.ru",
                            "hours", "24",
                            "link", "https://pbx.example.com/domain/reset.xhtml?token=abc.def"));

    private static Map<String, String> employeeValues(boolean withPassword) {
        Map<String, String> values = new HashMap<>();
        values.put("domain", "office.acme.ru");
        values.put("displayName", "Ivan Petrov");
        values.put("login", "ivan");
        values.put("extension", "101");
        values.put("url", "https://pbx.example.com/my/");
        values.put("registrar", "office.acme.ru");
        values.put("port", "5060");
        values.put("sipLogin", "s4f8k2");
        values.put("sipPassword", "Kq7pXz2mWd9rTb3n");
        if (withPassword) {
            values.put("password", "Secret42");
        }
        return values;
    }

    static Stream<Arguments> everyTemplateInEveryLanguage() {
        return TEMPLATE_VALUES.keySet().stream()
                .sorted()
                .flatMap(t -> Languages.ALL.stream().map(locale -> Arguments.of(t, locale)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void renderedTemplateHasNoPlaceholderLeftAndUsesEveryValue(String template, Locale locale) {
        Map<String, String> values = TEMPLATE_VALUES.get(template);

        MailTemplates.RenderedMail mail = MailTemplates.render(template, locale, values);

        assertThat(mail.subject()).isNotBlank().doesNotContain("${").doesNotContain("\n");
        assertThat(mail.body()).isNotBlank().doesNotContain("${");
        assertThat(values.values())
                .allSatisfy(v -> assertThat(mail.subject() + mail.body()).contains(v));
    }

    @Test
    void testCoversEveryTemplateOfBothBundles() {
        for (Locale locale : Languages.ALL) {
            Set<String> templates = new TreeSet<>();
            for (String key : bundle(locale).keySet()) {
                templates.add(key.substring(0, key.lastIndexOf('.')));
            }
            assertThat(templates)
                    .as("templates in %s", locale)
                    .isEqualTo(new TreeSet<>(TEMPLATE_VALUES.keySet()));
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(bundle(Languages.RUSSIAN).keySet()))
                .isEqualTo(new TreeSet<>(bundle(Languages.ENGLISH).keySet()));
    }

    @Test
    void rendersInTheRequestedLanguage() {
        Map<String, String> values = TEMPLATE_VALUES.get("passwordRecovery");

        assertThat(MailTemplates.render("passwordRecovery", Locale.ENGLISH, values).subject())
                .isEqualTo("Password recovery: office.acme.ru");
        assertThat(MailTemplates.render("passwordRecovery", Languages.RUSSIAN, values).subject())
                .isEqualTo("Восстановление пароля: office.acme.ru");
    }

    @Test
    void unsupportedLanguageRendersInRussian() {
        Map<String, String> values = TEMPLATE_VALUES.get("poolAdminAccess");

        assertThat(MailTemplates.render("poolAdminAccess", Locale.GERMAN, values).subject())
                .isEqualTo("Доступ к консоли пула «Acme Holding»");
    }

    @Test
    void fillReplacesEveryPlaceholder() {
        String filled =
                MailTemplates.fill(
                        "Hello ${name}, your login is ${login}. Bye, ${name}!",
                        Map.of("name", "Ivan", "login", "ivan.petrov"));

        assertThat(filled).isEqualTo("Hello Ivan, your login is ivan.petrov. Bye, Ivan!");
    }

    @Test
    void fillKeepsAnUnknownPlaceholderVisible() {
        String filled =
                MailTemplates.fill(
                        "Login: ${login}\nPassword: ${password}", Map.of("login", "ivan"));

        assertThat(filled).isEqualTo("Login: ivan\nPassword: ${password}");
    }

    @Test
    void fillTreatsANullValueAsUnknown() {
        Map<String, String> values = new HashMap<>();
        values.put("password", null);

        assertThat(MailTemplates.fill("Password: ${password}", values))
                .isEqualTo("Password: ${password}");
    }

    @Test
    void fillInsertsDollarsAndBackslashesLiterally() {
        String filled =
                MailTemplates.fill("Password: ${password}", Map.of("password", "a$1b\\c$\\0\\"));

        assertThat(filled).isEqualTo("Password: a$1b\\c$\\0\\");
    }

    @Test
    void fillDoesNotExpandPlaceholdersInsideValues() {
        String filled =
                MailTemplates.fill(
                        "Name: ${name}", Map.of("name", "${password}", "password", "Secret42"));

        assertThat(filled).isEqualTo("Name: ${password}");
    }

    @Test
    void fillLeavesTextThatIsNotAPlaceholderAlone() {
        String text = "Costs $5, ${}, $name, ${first-name}, {name}";

        assertThat(MailTemplates.fill(text, Map.of("name", "Ivan"))).isEqualTo(text);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "io.vpbx.infrastructure.messaging.Mail",
                locale,
                MailTemplatesTest.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

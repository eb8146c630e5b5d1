package io.vpbx.application.users.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserImportRulesTest {
    private static final DomainSnapshot EMPTY_DOMAIN =
            new DomainSnapshot(Set.of(), Set.of(), Set.of("4951234567"), 100);

    private static ImportRow row(int n, String login, String password, String extension) {
        return new ImportRow(n, login, password, "Иван Иванов", extension, "Операторы", "", "");
    }

    private static ImportRow valid(int n) {
        return row(n, "user" + n, "Abcdefg1", "");
    }

    private static List<String> errorKeys(CheckedRow row, ImportColumn column) {
        return row.problemsIn(column).stream()
                .filter(CellProblem::error)
                .map(CellProblem::messageKey)
                .toList();
    }

    private static CheckedRow checkOne(ImportRow row) {
        return UserImportRules.check(List.of(row), EMPTY_DOMAIN).rows().get(0);
    }

    @Test
    void aValidRowNamingANewGroupIsReadyWithOnlyTheWillBeCreatedWarning() {
        CheckedRow r = checkOne(row(2, "ivan.petrov", "Abcdefg1", "3040"));
        assertThat(r.ready()).isTrue();
        assertThat(r.extension()).isEqualTo("3040");
        assertThat(r.groupNames()).containsExactly("Операторы");
        assertThat(r.problems())
                .extracting(CellProblem::messageKey, CellProblem::error, CellProblem::arguments)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "userImport.warning.groups.willBeCreated",
                                false,
                                List.of("Операторы")));
    }

    @Test
    void groupNamesAreTrimmedAndOneNameInAnyCaseIsOneGroupAndOnlyMissingOnesAreNamed() {
        DomainSnapshot domain =
                new DomainSnapshot(Set.of(), Set.of(), Set.of(), 10, Set.of("операторы"));
        CheckedRow r =
                UserImportRules.check(
                                List.of(
                                        new ImportRow(
                                                2,
                                                "ivan",
                                                "Abcdefg1",
                                                "Иван",
                                                "",
                                                " ОПЕРАТОРЫ ,Администрация, операторы,  ",
                                                "",
                                                "")),
                                domain)
                        .rows()
                        .get(0);
        assertThat(r.ready()).isTrue();
        assertThat(r.groupNames()).containsExactly("ОПЕРАТОРЫ", "Администрация");
        assertThat(r.problemsIn(ImportColumn.GROUPS))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.messageKey())
                                    .isEqualTo("userImport.warning.groups.willBeCreated");
                            assertThat(p.arguments()).containsExactly("Администрация");
                        });
    }

    @Test
    void existingGroupsGiveNoWarning() {
        DomainSnapshot domain =
                new DomainSnapshot(Set.of(), Set.of(), Set.of(), 10, Set.of("операторы"));
        CheckedRow r =
                UserImportRules.check(List.of(row(2, "ivan", "Abcdefg1", "")), domain)
                        .rows()
                        .get(0);
        assertThat(r.ready()).isTrue();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void aGroupNameLongerThanAGroupsNameMayBeIsAnError() {
        CheckedRow r =
                checkOne(new ImportRow(2, "ivan", "Abcdefg1", "Иван", "", "Я".repeat(65), "", ""));
        assertThat(errorKeys(r, ImportColumn.GROUPS))
                .containsExactly("userImport.error.groups.invalid");
        assertThat(r.ready()).isFalse();
    }

    @Test
    void uppercaseLoginIsAnError() {
        assertThat(errorKeys(checkOne(row(2, "Ivanov", "Abcdefg1", "")), ImportColumn.LOGIN))
                .containsExactly("userImport.error.login.invalid");
    }

    @Test
    void loginWithoutALetterIsAnError() {
        assertThat(errorKeys(checkOne(row(2, "123", "Abcdefg1", "")), ImportColumn.LOGIN))
                .containsExactly("userImport.error.login.noLetter");
    }

    @Test
    void loginWithCyrillicOrSpacesIsAnError() {
        assertThat(errorKeys(checkOne(row(2, "иванов", "Abcdefg1", "")), ImportColumn.LOGIN))
                .containsExactly("userImport.error.login.invalid");
        assertThat(errorKeys(checkOne(row(2, "ivan ov", "Abcdefg1", "")), ImportColumn.LOGIN))
                .containsExactly("userImport.error.login.invalid");
    }

    @Test
    void emptyLoginPasswordDisplayNameAndGroupsAreRequired() {
        CheckedRow r = checkOne(new ImportRow(2, "", "", "", "", " , ", "", ""));
        for (ImportColumn c :
                List.of(
                        ImportColumn.LOGIN,
                        ImportColumn.PASSWORD,
                        ImportColumn.DISPLAY_NAME,
                        ImportColumn.GROUPS)) {
            assertThat(errorKeys(r, c)).as(c.name()).containsExactly("userImport.error.required");
        }
        assertThat(r.ready()).isFalse();
    }

    @Test
    void passwordWithOnlyTwoClassesIsAnErrorAndThreeClassesPass() {
        assertThat(errorKeys(checkOne(row(2, "a", "abcdefg1", "")), ImportColumn.PASSWORD))
                .containsExactly("userImport.error.password.classes");
        assertThat(errorKeys(checkOne(row(2, "aa", "Abcdefg1", "")), ImportColumn.PASSWORD))
                .isEmpty();
        assertThat(errorKeys(checkOne(row(2, "aa", "abcdef1!", "")), ImportColumn.PASSWORD))
                .isEmpty();
    }

    @Test
    void passwordShorterThanEightIsAnError() {
        assertThat(errorKeys(checkOne(row(2, "aa", "Abcde1", "")), ImportColumn.PASSWORD))
                .containsExactly("userImport.error.password.tooShort");
    }

    @Test
    void passwordWithCyrillicOrSpaceIsAnError() {
        assertThat(errorKeys(checkOne(row(2, "aa", "Пароль12!", "")), ImportColumn.PASSWORD))
                .containsExactly("userImport.error.password.invalid");
        assertThat(errorKeys(checkOne(row(2, "aa", "Abc def12", "")), ImportColumn.PASSWORD))
                .containsExactly("userImport.error.password.invalid");
    }

    @Test
    void extensionOfSixDigitsIsTooLongAndLettersAreRefused() {
        assertThat(errorKeys(checkOne(row(2, "aa", "Abcdefg1", "123456")), ImportColumn.EXTENSION))
                .containsExactly("userImport.error.extension.tooLong");
        assertThat(errorKeys(checkOne(row(2, "aa", "Abcdefg1", "12a")), ImportColumn.EXTENSION))
                .containsExactly("userImport.error.extension.notDigits");
    }

    @Test
    void emptyExtensionsAreAllocatedSkippingTakenAndFileExtensions() {
        DomainSnapshot domain = new DomainSnapshot(Set.of(), Set.of("100", "102"), Set.of(), 10);
        ImportPreview p =
                UserImportRules.check(
                        List.of(
                                row(2, "a1", "Abcdefg1", ""),
                                row(3, "a2", "Abcdefg1", "101"),
                                row(4, "a3", "Abcdefg1", ""),
                                row(5, "a4", "bad", "")),
                        domain);
        assertThat(p.rows())
                .extracting(CheckedRow::extension)
                .containsExactly("103", "101", "104", null);
    }

    @Test
    void anExtensionRepeatedInTheFileFlagsEveryRowUsingIt() {
        // AT-18: in file 3, ready 1, with errors 2.
        ImportPreview p =
                UserImportRules.check(
                        List.of(
                                row(2, "a1", "Abcdefg1", "3040"),
                                row(3, "a2", "Abcdefg1", "3041"),
                                row(4, "a3", "Abcdefg1", "3040")),
                        EMPTY_DOMAIN);
        assertThat(p.inFile()).isEqualTo(3);
        assertThat(p.ready()).isEqualTo(1);
        assertThat(p.withErrors()).isEqualTo(2);
        assertThat(p.rowsWithErrors()).extracting(r -> r.row().rowNumber()).containsExactly(2, 4);
        assertThat(p.rowsWithErrors())
                .allSatisfy(
                        r ->
                                assertThat(errorKeys(r, ImportColumn.EXTENSION))
                                        .containsExactly("userImport.error.notUnique"));
    }

    @Test
    void aLoginRepeatedInTheFileIgnoringCaseFlagsEveryRow() {
        ImportPreview p =
                UserImportRules.check(
                        List.of(valid(2), row(3, "user2", "Abcdefg1", "")), EMPTY_DOMAIN);
        assertThat(p.ready()).isZero();
        assertThat(p.rows())
                .allSatisfy(
                        r ->
                                assertThat(errorKeys(r, ImportColumn.LOGIN))
                                        .contains("userImport.error.notUnique"));
    }

    @Test
    void loginOrExtensionAlreadyInTheDomainIsAnError() {
        DomainSnapshot domain = new DomainSnapshot(Set.of("ivanov"), Set.of("3040"), Set.of(), 10);
        CheckedRow r =
                UserImportRules.check(List.of(row(2, "ivanov", "Abcdefg1", "3040")), domain)
                        .rows()
                        .get(0);
        assertThat(errorKeys(r, ImportColumn.LOGIN))
                .containsExactly("userImport.error.login.taken");
        assertThat(errorKeys(r, ImportColumn.EXTENSION))
                .containsExactly("userImport.error.extension.taken");
    }

    @Test
    void groupNamesAreSplitTrimmedAndKeptWithAWarning() {
        CheckedRow r =
                checkOne(
                        new ImportRow(
                                2,
                                "aa",
                                "Abcdefg1",
                                "A",
                                "",
                                " Операторы,  Администрация ,Операторы",
                                "",
                                ""));
        assertThat(r.groupNames()).containsExactly("Операторы", "Администрация");
        assertThat(r.ready()).isTrue();
    }

    @Test
    void aCliThatIsNotTheDomainsIsAWarningAndFallsBackToTheDefault() {
        CheckedRow r = checkOne(new ImportRow(2, "aa", "Abcdefg1", "A", "", "G", "4950001122", ""));
        assertThat(r.ready()).isTrue();
        assertThat(r.outgoingCli()).isNull();
        assertThat(r.problemsIn(ImportColumn.OUTGOING_CLI))
                .extracting(CellProblem::messageKey)
                .containsExactly("userImport.warning.cli.notDomainNumber");
    }

    @Test
    void aDomainNumberIsTakenAsCliInAnyCommonSpelling() {
        for (String spelling : List.of("4951234567", "+7 495 123-45-67", "84951234567")) {
            CheckedRow r = checkOne(new ImportRow(2, "aa", "Abcdefg1", "A", "", "G", spelling, ""));
            assertThat(r.outgoingCli()).as(spelling).isEqualTo("4951234567");
            assertThat(r.problemsIn(ImportColumn.OUTGOING_CLI)).as(spelling).isEmpty();
        }
    }

    @Test
    void aMalformedCliIsAnErrorAndAnEmptyOneAssignsNone() {
        assertThat(
                        errorKeys(
                                checkOne(
                                        new ImportRow(
                                                2, "aa", "Abcdefg1", "A", "", "G", "12x", "")),
                                ImportColumn.OUTGOING_CLI))
                .containsExactly("userImport.error.cli.invalid");
        CheckedRow empty = checkOne(valid(2));
        assertThat(empty.outgoingCli()).isNull();
        assertThat(empty.problemsIn(ImportColumn.OUTGOING_CLI)).isEmpty();
    }

    @Test
    void aBadEmailIsAnErrorAndAnEmptyOneIsFine() {
        assertThat(
                        errorKeys(
                                checkOne(
                                        new ImportRow(
                                                2, "aa", "Abcdefg1", "A", "", "G", "", "not-mail")),
                                ImportColumn.EMAIL))
                .containsExactly("userImport.error.email.invalid");
        assertThat(checkOne(valid(2)).problemsIn(ImportColumn.EMAIL)).isEmpty();
    }

    @Test
    void moreRowsThanFreeUserPlacesRejectTheFile() {
        // AT-19: the domain's maximum is 10 and the file has 11 rows.
        DomainSnapshot domain = new DomainSnapshot(Set.of(), Set.of(), Set.of(), 10);
        List<ImportRow> eleven =
                java.util.stream.IntStream.rangeClosed(2, 12)
                        .mapToObj(UserImportRulesTest::valid)
                        .toList();
        assertThatThrownBy(() -> UserImportRules.check(eleven, domain))
                .isInstanceOfSatisfying(
                        ImportFileRejected.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(ImportFileRejected.Reason.OVER_USER_LIMIT));
        assertThat(UserImportRules.check(eleven.subList(0, 10), domain).ready()).isEqualTo(10);
    }

    @Test
    void everyErrorOfARowIsReportedNotOnlyTheFirst() {
        CheckedRow r = checkOne(new ImportRow(2, "Ivanov", "abc", "A", "12a", "G", "", "x@"));
        assertThat(r.problems().stream().filter(CellProblem::error))
                .extracting(CellProblem::column)
                .containsExactly(
                        ImportColumn.LOGIN,
                        ImportColumn.PASSWORD,
                        ImportColumn.PASSWORD,
                        ImportColumn.EXTENSION,
                        ImportColumn.EMAIL);
    }
}

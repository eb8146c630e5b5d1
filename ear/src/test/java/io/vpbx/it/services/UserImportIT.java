package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.application.users.imports.CellProblem;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.ImportColumn;
import io.vpbx.application.users.imports.ImportFileRejected;
import io.vpbx.application.users.imports.ImportPreview;
import io.vpbx.application.users.imports.ImportProgress;
import io.vpbx.application.users.imports.UserImportService;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.shared.NotFound;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk import of users (spec B §2.4) through the service and the real {@code user-import} job: the
 * acceptance rows, a 1,000-row file with a mix of errors, the file limits, and that an import only
 * ever touches the importing admin's domain.
 */
@ExtendWith(ArquillianExtension.class)
class UserImportIT {
    private static final String HEADER = "login;password;name;extension;groups;cli;email\n";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(UserImportIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private UserImportService imports;
    @Inject private DomainUsersService domainUsers;
    @Inject private CallGroupsService callGroups;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private ImportProgress runToEnd(String fileName, ImportPreview preview) {
        long id = imports.startImport(fileName, preview);
        Awaitility.await()
                .atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(500))
                // The caller's identity is this thread's: poll here, not in Awaitility's thread.
                .pollInSameThread()
                .until(() -> imports.progress(id).finished());
        return imports.progress(id);
    }

    private Map<String, RegistrationRow> sipNumbersByName() {
        return domainUsers.registrations().stream()
                .collect(Collectors.toMap(RegistrationRow::displayName, Function.identity()));
    }

    @Test
    void acceptanceRowsAreCheckedAndOnlyTheValidOnesCreated() throws Exception {
        TenancyFixture w = world();
        String t = w.token.toLowerCase();
        String rows =
                "Ivanov;Abcdefg1;Upper "
                        + t
                        + ";;G;;\n"
                        + "123;Abcdefg1;NoLetter "
                        + t
                        + ";;G;;\n"
                        + "weak"
                        + t
                        + ";abcdefg1;Weak "
                        + t
                        + ";;G;;\n"
                        + "long"
                        + t
                        + ";Abcdefg1;Long "
                        + t
                        + ";123456;G;;\n"
                        + "alpha"
                        + t
                        + ";Abcdefg1;Alpha "
                        + t
                        + ";12a;G;;\n"
                        + "nogroup"
                        + t
                        + ";Abcdefg1;NoGroup "
                        + t
                        + ";;;;\n"
                        + "dup1"
                        + t
                        + ";Abcdefg1;Dup1 "
                        + t
                        + ";3040;G;;\n"
                        + "dup2"
                        + t
                        + ";Abcdefg1;Dup2 "
                        + t
                        + ";3040;G;;\n"
                        + "auto"
                        + t
                        + ";Abcdefg1;Auto "
                        + t
                        + ";;Новая;;\n"
                        + "cli"
                        + t
                        + ";Abcdefg1;Cli "
                        + t
                        + ";3041;Операторы, Администрация;4950001122;\n";
        LoginResult admin = w.adminOf(w.domainA);
        Identities.run(
                admin,
                () -> {
                    ImportPreview preview = imports.preview("acceptance.csv", csv(rows));
                    assertThat(preview.inFile()).isEqualTo(10);
                    assertThat(preview.ready()).isEqualTo(2);
                    assertThat(preview.withErrors()).isEqualTo(8);
                    Map<String, List<String>> errors =
                            preview.rowsWithErrors().stream()
                                    .collect(
                                            Collectors.toMap(
                                                    r -> r.row().displayName().split(" ")[0],
                                                    r ->
                                                            r.problems().stream()
                                                                    .filter(p -> p.error())
                                                                    .map(p -> p.messageKey())
                                                                    .toList()));
                    assertThat(errors)
                            .containsEntry("Upper", List.of("userImport.error.login.invalid"))
                            .containsEntry("NoLetter", List.of("userImport.error.login.noLetter"))
                            .containsEntry("Weak", List.of("userImport.error.password.classes"))
                            .containsEntry("Long", List.of("userImport.error.extension.tooLong"))
                            .containsEntry("Alpha", List.of("userImport.error.extension.notDigits"))
                            .containsEntry("NoGroup", List.of("userImport.error.required"))
                            .containsEntry("Dup1", List.of("userImport.error.notUnique"))
                            .containsEntry("Dup2", List.of("userImport.error.notUnique"));
                    CheckedRow cli =
                            preview.readyRows().stream()
                                    .filter(r -> r.row().displayName().startsWith("Cli"))
                                    .findFirst()
                                    .orElseThrow();
                    assertThat(cli.outgoingCli()).isNull();
                    assertThat(cli.groupNames()).containsExactly("Операторы", "Администрация");
                    assertThat(cli.problemsIn(ImportColumn.OUTGOING_CLI))
                            .extracting(p -> p.messageKey())
                            .containsExactly("userImport.warning.cli.notDomainNumber");

                    ImportProgress done = runToEnd("acceptance.csv", preview);
                    assertThat(done.failed()).isFalse();
                    assertThat(done.created()).isEqualTo(2);
                    assertThat(done.skipped()).isZero();
                    assertThat(done.percent()).isEqualTo(100);
                    Map<String, RegistrationRow> numbers = sipNumbersByName();
                    assertThat(numbers.get("Cli " + t).extension()).isEqualTo("3041");
                    assertThat(numbers.get("Auto " + t).extension()).isNotBlank();
                    assertThat(numbers).doesNotContainKey("Dup1 " + t);
                });
    }

    @Test
    void aThousandRowFileWithMixedErrorsCreatesExactlyTheValidRowsWithSipNumbers()
            throws Exception {
        TenancyFixture w = world();
        String domain = "imp-" + w.token + ".test.vpbx";
        Identities.run(
                w.operator(),
                () ->
                        platform.createDomain(
                                new NewDomain(
                                        domain,
                                        "Import " + w.token,
                                        "Import Co " + w.token,
                                        w.poolQId,
                                        null,
                                        "1002",
                                        null,
                                        null,
                                        1_100,
                                        10,
                                        new NewAccount(
                                                "admin",
                                                "Admin",
                                                "imp-" + w.token + "@mail.test",
                                                TenancyFixture.PASSWORD,
                                                TenancyFixture.PASSWORD),
                                        false,
                                        Languages.RUSSIAN)));
        // Every 10th row has a bad password (100), every 25th a bad e-mail (40, of which 20 are
        // also every 10th), and rows 999 and 1000 share an extension (1000 is already counted):
        // 1000 - 100 - 20 - 1 = 879 valid rows.
        StringBuilder rows = new StringBuilder();
        int expectedValid = 0;
        for (int i = 1; i <= 1000; i++) {
            boolean badPassword = i % 10 == 0;
            boolean badEmail = i % 25 == 0;
            boolean duplicate = i >= 999;
            String extension = duplicate ? "77777" : Integer.toString(10_000 + i);
            rows.append("u")
                    .append(i)
                    .append(';')
                    .append(badPassword ? "short" : "Abcdefg" + i)
                    .append(";Employee ")
                    .append(i)
                    .append(';')
                    .append(extension)
                    .append(";Staff;;")
                    .append(badEmail ? "not-an-email" : "u" + i + "@mail.test")
                    .append('\n');
            if (!badPassword && !badEmail && !duplicate) {
                expectedValid++;
            }
        }
        int valid = expectedValid;
        assertThat(valid).isEqualTo(879);
        Identities.run(
                authentication.loginToDomain(domain, "admin", TenancyFixture.PASSWORD),
                () -> {
                    ImportPreview preview = imports.preview("thousand.csv", csv(rows.toString()));
                    assertThat(preview.inFile()).isEqualTo(1000);
                    assertThat(preview.ready()).isEqualTo(valid);
                    assertThat(preview.withErrors()).isEqualTo(1000 - valid);

                    ImportProgress done = runToEnd("thousand.csv", preview);
                    assertThat(done.failed()).isFalse();
                    assertThat(done.total()).isEqualTo(valid);
                    assertThat(done.created()).isEqualTo(valid);
                    assertThat(done.skipped()).isZero();

                    Map<String, RegistrationRow> numbers = sipNumbersByName();
                    // Every imported user has a SIP number (the domain admin has none).
                    assertThat(numbers).hasSize(valid);
                    assertThat(numbers.get("Employee 1").extension()).isEqualTo("10001");
                    assertThat(numbers.get("Employee 1").sipLogin()).matches("[0-9]{7}");
                    assertThat(numbers).doesNotContainKey("Employee 10");
                    assertThat(numbers).doesNotContainKey("Employee 999");

                    // Its first 100 rows again (the whole file no longer fits the domain's free
                    // places): every login exists now, so nobody would be created twice.
                    String first100 =
                            rows.toString().lines().limit(100).collect(Collectors.joining("\n"));
                    ImportPreview again = imports.preview("again.csv", csv(first100));
                    assertThat(again.inFile()).isEqualTo(100);
                    assertThat(again.ready()).isZero();
                });
    }

    @Test
    void groupColumnJoinsEachUserToExactlyItsGroupsCreatingMissingOnesOnceInAnyLetterCase()
            throws Exception {
        TenancyFixture w = world();
        String domain = "grp-" + w.token + ".test.vpbx";
        Identities.run(
                w.operator(),
                () ->
                        platform.createDomain(
                                new NewDomain(
                                        domain,
                                        "Groups " + w.token,
                                        "Groups Co " + w.token,
                                        w.poolQId,
                                        null,
                                        "1004",
                                        null,
                                        null,
                                        20,
                                        10,
                                        new NewAccount(
                                                "admin",
                                                "Admin",
                                                "grp-" + w.token + "@mail.test",
                                                TenancyFixture.PASSWORD,
                                                TenancyFixture.PASSWORD),
                                        false,
                                        Languages.RUSSIAN)));
        String rows =
                "empty;Abcdefg1;Empty;;;;\n"
                        + "novaya;Abcdefg1;Novaya;;Новая;;\n"
                        + "both;Abcdefg1;Both;; операторы ,Администрация ;;\n"
                        + "again;Abcdefg1;Again;;НОВАЯ, новая;;\n";
        Identities.run(
                authentication.loginToDomain(domain, "admin", TenancyFixture.PASSWORD),
                () -> {
                    long operators =
                            callGroups.createGroup(
                                    new CallGroupSettings("Операторы", "500", null), List.of());

                    ImportPreview preview = imports.preview("groups.csv", csv(rows));
                    assertThat(preview.ready()).isEqualTo(3);
                    assertThat(preview.withErrors()).isEqualTo(1);
                    // AT-17: an empty group cell is an error.
                    assertThat(preview.rowsWithErrors())
                            .singleElement()
                            .satisfies(
                                    r -> {
                                        assertThat(r.row().login()).isEqualTo("empty");
                                        assertThat(r.problems())
                                                .extracting(
                                                        CellProblem::column,
                                                        CellProblem::messageKey)
                                                .containsExactly(
                                                        org.assertj.core.groups.Tuple.tuple(
                                                                ImportColumn.GROUPS,
                                                                "userImport.error.required"));
                                    });
                    // The preview names the groups it will create, and only those.
                    Map<String, List<Object>> willCreate =
                            preview.readyRows().stream()
                                    .collect(
                                            Collectors.toMap(
                                                    r -> r.row().login(),
                                                    r ->
                                                            r
                                                                    .problemsIn(ImportColumn.GROUPS)
                                                                    .stream()
                                                                    .filter(
                                                                            p ->
                                                                                    p.messageKey()
                                                                                            .equals(
                                                                                                    "userImport.warning.groups.willBeCreated"))
                                                                    .flatMap(
                                                                            p ->
                                                                                    p
                                                                                            .arguments()
                                                                                            .stream())
                                                                    .toList()));
                    assertThat(willCreate)
                            .containsEntry("novaya", List.of("Новая"))
                            .containsEntry("both", List.of("Администрация"))
                            .containsEntry("again", List.of("НОВАЯ"));

                    ImportProgress done = runToEnd("groups.csv", preview);
                    assertThat(done.failed()).isFalse();
                    assertThat(done.created()).isEqualTo(3);
                    assertThat(done.skipped()).isZero();

                    // Exactly three groups: «Новая» once though two rows named it in two cases,
                    // and the existing «Операторы» reused for «операторы».
                    List<CallGroupRow> groups = callGroups.listGroups();
                    assertThat(groups)
                            .extracting(CallGroupRow::name)
                            .containsExactlyInAnyOrder("Администрация", "Новая", "Операторы");
                    Map<String, CallGroupRow> byName =
                            groups.stream()
                                    .collect(
                                            Collectors.toMap(
                                                    CallGroupRow::name, Function.identity()));
                    assertThat(byName.get("Операторы").id()).isEqualTo(operators);
                    assertThat(byName.get("Операторы").memberNames()).containsExactly("Both");
                    assertThat(byName.get("Администрация").memberNames()).containsExactly("Both");
                    assertThat(byName.get("Новая").memberNames())
                            .containsExactly("Again", "Novaya");
                    assertThat(byName.get("Новая").algorithm())
                            .isEqualTo(DistributionAlgorithm.ALL_SIMULTANEOUS);

                    // The user list's column (BR-2) shows each user's groups, by name.
                    Map<String, List<String>> column =
                            domainUsers
                                    .listUsers(
                                            new UserListQuery(
                                                    null, UserListQuery.SortKey.NAME, true, 0, 50))
                                    .stream()
                                    .collect(Collectors.toMap(UserRow::login, UserRow::callGroups));
                    assertThat(column)
                            .containsEntry("novaya", List.of("Новая"))
                            .containsEntry("both", List.of("Администрация", "Операторы"))
                            .containsEntry("again", List.of("Новая"))
                            .doesNotContainKey("empty");

                    // The created groups' extensions are the domain's, apart from every user's.
                    List<String> userExtensions =
                            domainUsers.registrations().stream()
                                    .map(RegistrationRow::extension)
                                    .toList();
                    assertThat(groups)
                            .extracting(CallGroupRow::extension)
                            .doesNotHaveDuplicates()
                            .doesNotContainAnyElementsOf(userExtensions);
                });
    }

    @Test
    void moreThanTenThousandRowsAreRejected() throws Exception {
        TenancyFixture w = world();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            rows.append("x").append(i).append(";Abcdefg1;X;;G;;\n");
        }
        Identities.run(
                w.adminOf(w.domainA),
                () ->
                        assertThatThrownBy(() -> imports.preview("big.csv", csv(rows.toString())))
                                .isInstanceOfSatisfying(
                                        ImportFileRejected.class,
                                        e ->
                                                assertThat(e.reason())
                                                        .isEqualTo(
                                                                ImportFileRejected.Reason
                                                                        .TOO_MANY_ROWS)));
    }

    @Test
    void aCorruptSpreadsheetIsRejectedAsCorrupt() throws Exception {
        TenancyFixture w = world();
        Identities.run(
                w.adminOf(w.domainA),
                () ->
                        assertThatThrownBy(
                                        () ->
                                                imports.preview(
                                                        "users.xlsx",
                                                        "PK\u0003\u0004 not really a zip"
                                                                .getBytes(
                                                                        StandardCharsets
                                                                                .ISO_8859_1)))
                                .isInstanceOfSatisfying(
                                        ImportFileRejected.class,
                                        e ->
                                                assertThat(e.reason())
                                                        .isEqualTo(
                                                                ImportFileRejected.Reason
                                                                        .CORRUPT)));
    }

    @Test
    void moreRowsThanTheDomainsFreeUserPlacesAreRejected() throws Exception {
        // Domain B allows 50 users and has its admin: 51 rows are too many either way.
        TenancyFixture w = world();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            rows.append("lim").append(i).append(";Abcdefg1;L;;G;;\n");
        }
        Identities.run(
                w.adminOf(w.domainB),
                () ->
                        assertThatThrownBy(() -> imports.preview("limit.csv", csv(rows.toString())))
                                .isInstanceOfSatisfying(
                                        ImportFileRejected.class,
                                        e ->
                                                assertThat(e.reason())
                                                        .isEqualTo(
                                                                ImportFileRejected.Reason
                                                                        .OVER_USER_LIMIT)));
    }

    @Test
    void anImportCreatesUsersOnlyInTheAdminsDomainAndOthersCannotFollowIt() throws Exception {
        TenancyFixture w = world();
        String name = "Isolated " + w.token;
        long id =
                Identities.as(
                        w.adminOf(w.domainC),
                        () -> {
                            ImportPreview preview =
                                    imports.preview(
                                            "c.csv",
                                            csv(
                                                    "iso"
                                                            + w.token.toLowerCase()
                                                            + ";Abcdefg1;"
                                                            + name
                                                            + ";;G;;\n"));
                            assertThat(preview.ready()).isEqualTo(1);
                            return imports.startImport("c.csv", preview);
                        });
        Identities.run(
                w.adminOf(w.domainC),
                () ->
                        Awaitility.await()
                                .atMost(Duration.ofMinutes(2))
                                .pollInSameThread()
                                .until(() -> imports.progress(id).finished()));
        Identities.run(
                w.adminOf(w.domainC), () -> assertThat(sipNumbersByName()).containsKey(name));
        Identities.run(
                w.adminOf(w.domainA),
                () -> {
                    assertThat(sipNumbersByName()).doesNotContainKey(name);
                    assertThatThrownBy(() -> imports.progress(id)).isInstanceOf(NotFound.class);
                    assertThatThrownBy(() -> imports.report(id, java.util.Locale.ENGLISH))
                            .isInstanceOf(NotFound.class);
                });
    }
}

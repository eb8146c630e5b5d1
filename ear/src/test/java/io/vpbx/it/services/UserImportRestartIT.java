package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.imports.ImportPreview;
import io.vpbx.application.users.imports.ImportProgress;
import io.vpbx.application.users.imports.UserImportService;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.shared.Languages;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An import whose job is stopped mid-way (as when the server goes down) and then continued: the
 * restarted job (JobOperator.restart from the partitions' checkpoints) creates the remaining users
 * exactly once, and the progress and report count every row once.
 */
@ExtendWith(ArquillianExtension.class)
class UserImportRestartIT {
    private static final int ROWS = 80;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(UserImportRestartIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private UserImportService imports;
    @Inject private DomainUsersService domainUsers;
    @Inject private CallGroupsService callGroups;

    @Test
    void aStoppedImportContinuedCreatesTheRemainingUsersExactlyOnce() throws Exception {
        TenancyFixture w = TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
        String domain = "rst-" + w.token + ".test.vpbx";
        Identities.run(
                w.operator(),
                () ->
                        platform.createDomain(
                                new NewDomain(
                                        domain,
                                        "Restart " + w.token,
                                        "Restart Co " + w.token,
                                        w.poolQId,
                                        null,
                                        "1003",
                                        null,
                                        null,
                                        ROWS + 10,
                                        10,
                                        new NewAccount(
                                                "admin",
                                                "Admin",
                                                "rst-" + w.token + "@mail.test",
                                                TenancyFixture.PASSWORD,
                                                TenancyFixture.PASSWORD),
                                        false,
                                        Languages.RUSSIAN)));
        StringBuilder csv = new StringBuilder("login;password;name;extension;groups;cli;email\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("r")
                    .append(i)
                    .append(";Abcdefg")
                    .append(i)
                    .append(";Restarted ")
                    .append(i)
                    .append(';')
                    .append(20_000 + i)
                    .append(";Staff;;\n");
        }
        Identities.run(
                authentication.loginToDomain(domain, "admin", TenancyFixture.PASSWORD),
                () -> {
                    ImportPreview preview =
                            imports.preview(
                                    "restart.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                    assertThat(preview.ready()).isEqualTo(ROWS);
                    long id = imports.startImport("restart.csv", preview);

                    // Stop the job once some rows, but not all, are done.
                    Awaitility.await()
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(50))
                            .pollInSameThread()
                            .until(() -> imports.progress(id).done() >= 5);
                    JobOperator operator = BatchRuntime.getJobOperator();
                    long execution = runningExecutionOf(operator, id);
                    operator.stop(execution);
                    Awaitility.await()
                            .atMost(Duration.ofMinutes(2))
                            .pollInterval(Duration.ofMillis(200))
                            .pollInSameThread()
                            .until(() -> imports.progress(id).finished());
                    assertThat(operator.getJobExecution(execution).getBatchStatus())
                            .isEqualTo(BatchStatus.STOPPED);
                    ImportProgress stopped = imports.progress(id);
                    assertThat(stopped.failed()).isTrue();
                    assertThat(stopped.created()).isBetween(5, ROWS - 1);
                    // What the progress says was created is exactly what exists.
                    assertThat(domainUsers.registrations()).hasSize(stopped.created());

                    imports.resume(id);
                    Awaitility.await()
                            .atMost(Duration.ofMinutes(5))
                            .pollInterval(Duration.ofMillis(500))
                            .pollInSameThread()
                            .until(() -> imports.progress(id).finished());
                    ImportProgress done = imports.progress(id);
                    assertThat(done.failed()).isFalse();
                    assertThat(done.done()).isEqualTo(ROWS);
                    assertThat(done.created()).isEqualTo(ROWS);
                    assertThat(done.skipped()).isZero();

                    List<RegistrationRow> numbers = domainUsers.registrations();
                    assertThat(numbers).hasSize(ROWS);
                    Set<String> names =
                            numbers.stream()
                                    .map(RegistrationRow::displayName)
                                    .collect(Collectors.toSet());
                    assertThat(names).hasSize(ROWS).contains("Restarted 1", "Restarted " + ROWS);
                    Set<String> extensions =
                            numbers.stream()
                                    .map(RegistrationRow::extension)
                                    .collect(Collectors.toSet());
                    assertThat(extensions).hasSize(ROWS).contains("20001", "20080");
                    // The group every row names was created once, and each user joined it once,
                    // across the stop and the restart.
                    assertThat(callGroups.listGroups())
                            .singleElement()
                            .satisfies(
                                    g -> {
                                        assertThat(g.name()).isEqualTo("Staff");
                                        assertThat(g.users() + g.operators()).isEqualTo(ROWS);
                                    });
                });
    }

    /** The running execution of the user-import job for this import. */
    private static long runningExecutionOf(JobOperator operator, long importId) {
        return operator.getRunningExecutions("user-import").stream()
                .filter(
                        e ->
                                Long.toString(importId)
                                        .equals(operator.getParameters(e).getProperty("importId")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the import's job is not running"));
    }
}

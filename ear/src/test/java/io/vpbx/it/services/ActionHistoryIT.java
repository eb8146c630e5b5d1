package io.vpbx.it.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.ExportFile;
import io.vpbx.application.history.ExportStatus;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryPage;
import io.vpbx.application.internal.ExportRetention;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainInfo;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditExportStatus;
import io.vpbx.model.audit.AuditObjectType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The action history (spec A AT-18, spec F §11.2) on MariaDB: 120 entries load 50 at a time with
 * "loaded N of M" stable while new entries arrive; filters by action, object, actor and period; and
 * the xlsx export job writes exactly the selection.
 */
@ExtendWith(ArquillianExtension.class)
class ActionHistoryIT {
    private static TenancyFixture world;
    private static Instant renamesStarted;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(ActionHistoryIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private ActionHistoryService history;
    @Inject private ExportRetention retention;

    /** The fixture, plus 120 renames of domain B: 120 EDIT entries on one object. */
    private TenancyFixture world() throws Exception {
        if (world == null) {
            world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            renamesStarted = Instant.now();
            LoginResult sup = world.supervisorLogin();
            for (int i = 1; i <= 120; i++) {
                String name = "B rename " + i;
                Identities.run(
                        sup,
                        () -> poolDomains.renameDomain(world.domainBId, versionOfB(sup), name));
            }
        }
        return world;
    }

    private long versionOfB(LoginResult sup) throws Exception {
        return Identities.as(sup, () -> poolDomains.domainTree(world.domainB)).stream()
                .flatMap(n -> n.domains().stream())
                .findFirst()
                .orElseThrow()
                .version();
    }

    private HistoryFilter renamesOfB() {
        return new HistoryFilter(
                null, null, null, world.domainB, AuditObjectType.DOMAIN, AuditAction.EDIT, null);
    }

    @Test
    void oneHundredTwentyEntriesLoadFiftyAtATimeAndTheTotalStaysPut() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();

        HistoryPage first = Identities.as(sup, () -> history.history(renamesOfB(), null, 50));
        assertThat(first.rows()).hasSize(50);
        assertThat(first.total()).isEqualTo(120);
        assertThat(first.rows().get(0).changeData()).contains("\"after\":\"B rename 120\"");

        String late = "B renamed after the first page";
        Identities.run(sup, () -> poolDomains.renameDomain(w.domainBId, versionOfB(sup), late));

        HistoryFilter frozen = renamesOfB().upTo(first.upToId());
        HistoryPage second = Identities.as(sup, () -> history.history(frozen, first.lastId(), 50));
        HistoryPage third = Identities.as(sup, () -> history.history(frozen, second.lastId(), 50));
        assertThat(second.rows()).hasSize(50);
        assertThat(third.rows()).hasSize(20);
        assertThat(third.total()).isEqualTo(120);
        assertThat(third.rows().get(19).changeData()).contains("\"after\":\"B rename 1\"");
        assertThat(Identities.as(sup, () -> history.history(renamesOfB(), null, 50).total()))
                .isEqualTo(121);
    }

    @Test
    void filtersSelectByActionActorObjectAndPeriod() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        HistoryFilter adds = new HistoryFilter(null, null, null, null, null, AuditAction.ADD, null);
        assertThat(Identities.as(sup, () -> history.history(adds, null, 200).rows()))
                .allMatch(r -> r.action() == AuditAction.ADD)
                .extracting(r -> r.objectName())
                .contains(w.subgroupG, w.subgroupAdmin);

        assertThat(w.subgroupAdminLogin().isSuccess()).isTrue();
        HistoryFilter bySubgroupAdmin =
                new HistoryFilter(null, null, w.subgroupAdmin, null, null, null, null);
        assertThat(Identities.as(sup, () -> history.history(bySubgroupAdmin, null, 200).rows()))
                .isNotEmpty()
                .allMatch(r -> r.actorLogin().equals(w.subgroupAdmin))
                .anyMatch(r -> r.action() == AuditAction.LOGIN);

        HistoryFilter future =
                new HistoryFilter(
                        Instant.now().plusSeconds(3600), null, null, null, null, null, null);
        assertThat(Identities.as(sup, () -> history.history(future, null, 50).total())).isZero();
        HistoryFilter sinceRenames =
                new HistoryFilter(renamesStarted, null, null, w.domainB, null, null, null);
        assertThat(Identities.as(sup, () -> history.history(sinceRenames, null, 50).total()))
                .isGreaterThanOrEqualTo(120);
    }

    @Test
    void thePoolHistoryShowsWhatWasDoneInThePoolAndTheDomainsHistoryWhatWasDoneToIt()
            throws Exception {
        TenancyFixture w = world();
        long inPool =
                Identities.as(
                        w.supervisorLogin(), () -> history.history(renamesOfB(), null, 1).total());
        long inDomain =
                Identities.as(
                        w.adminOf(w.domainB), () -> history.history(renamesOfB(), null, 1).total());
        long inOtherDomain =
                Identities.as(
                        w.adminOf(w.domainA), () -> history.history(renamesOfB(), null, 1).total());
        assertThat(inPool).isEqualTo(inDomain).isGreaterThanOrEqualTo(120);
        assertThat(inOtherDomain).isZero();
        PoolDomainInfo info =
                Identities.as(w.supervisorLogin(), () -> poolDomains.domainInfo(w.domainBId));
        assertThat(info.displayName()).startsWith("B rename");
    }

    @Test
    void theExportJobWritesExactlyTheSelectionToXlsx() throws Exception {
        TenancyFixture w = world();
        LoginResult sup = w.supervisorLogin();
        HistoryPage shown = Identities.as(sup, () -> history.history(renamesOfB(), null, 50));

        long exportId =
                Identities.as(
                        sup,
                        () ->
                                history.requestExport(
                                        renamesOfB().upTo(shown.upToId()), Locale.ENGLISH));
        ExportStatus done =
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(300))
                        .until(
                                () -> Identities.as(sup, () -> history.exportStatus(exportId)),
                                ExportStatus::isFinished);
        assertThat(done.status()).isEqualTo(AuditExportStatus.COMPLETED);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.writtenRows()).isEqualTo(shown.total());

        ExportFile file = Identities.as(sup, () -> history.exportFile(exportId));
        assertThat(file.downloadName()).matches("action-history-\\d{8}-\\d{4}\\.xlsx");
        try (InputStream in = Files.newInputStream(file.path());
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet("Action history");
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Data");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) shown.total());
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Edit");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo(w.domainB);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue())
                    .startsWith("Display name: B rename");
        }
        // A week later the file is deleted and the export can no longer be downloaded.
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement aged =
                        c.prepareStatement(
                                "UPDATE audit_export SET finished_at = ? WHERE id = ?")) {
            aged.setTimestamp(
                    1,
                    Timestamp.valueOf(
                            LocalDateTime.ofInstant(
                                    Instant.now().minus(Duration.ofDays(8)), ZoneOffset.UTC)));
            aged.setLong(2, exportId);
            assertThat(aged.executeUpdate()).isEqualTo(1);
        }
        assertThat(retention.deleteExpiredFiles()).isGreaterThanOrEqualTo(1);
        assertThat(file.path()).doesNotExist();
        assertThat(Identities.as(sup, () -> history.exportStatus(exportId)).status())
                .isEqualTo(AuditExportStatus.EXPIRED);
        assertThatThrownBy(() -> Identities.as(sup, () -> history.exportFile(exportId)))
                .hasMessage("error.export.notReady");

        long othersExport =
                Identities.as(
                        w.adminOf(w.domainB),
                        () -> history.requestExport(renamesOfB(), Locale.ENGLISH));
        assertThat(othersExport).isNotEqualTo(exportId);
    }
}

package io.vpbx.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.security.ActorRef;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    private static final Instant REQUESTED = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant FINISHED = Instant.parse("2025-03-03T09:05:00Z");
    private static final ActorRef SUPERVISOR = ActorRef.poolAdmin(3, 7);

    private static final AuditQuery FULL_QUERY =
            new AuditQuery(
                    AuditScope.pool(3),
                    Instant.parse("2025-03-01T00:00:00Z"),
                    Instant.parse("2025-03-31T23:59:59Z"),
                    "ivan",
                    "acme.ru",
                    AuditObjectType.DOMAIN,
                    AuditAction.EDIT,
                    500L);

    private static AuditExport export(long totalRows) {
        return new AuditExport(SUPERVISOR, FULL_QUERY, Locale.ENGLISH, totalRows, REQUESTED);
    }

    @Test
    void queryRoundTripsEveryFilterIncludingUpToId() {
        AuditQuery stored = export(200).query();

        assertThat(stored).isEqualTo(FULL_QUERY);
        assertThat(stored.upToId()).isEqualTo(500L);
    }

    @Test
    void queryRoundTripsADomainScopeWithoutFilters() {
        AuditQuery query = AuditQuery.all(AuditScope.domain(9));

        AuditExport export =
                new AuditExport(ActorRef.domainUser(9, 12), query, Locale.ENGLISH, 0, REQUESTED);

        assertThat(export.query()).isEqualTo(query);
    }

    @Test
    void queryRoundTripsThePlatformScope() {
        AuditQuery query = AuditQuery.all(AuditScope.PLATFORM).upTo(42L);

        AuditExport export =
                new AuditExport(ActorRef.operator(1), query, Locale.ENGLISH, 10, REQUESTED);

        assertThat(export.query()).isEqualTo(query);
    }

    @Test
    void newExportIsQueuedAtZeroPercent() {
        AuditExport export = export(200);

        assertThat(export.status()).isEqualTo(AuditExportStatus.QUEUED);
        assertThat(export.percentDone()).isZero();
        assertThat(export.totalRows()).isEqualTo(200);
        assertThat(export.writtenRows()).isZero();
        assertThat(export.requestedAt()).isEqualTo(REQUESTED);
        assertThat(export.fileName()).isNull();
        assertThat(export.jobExecutionId()).isNull();
    }

    @Test
    void emptyExportIsAtZeroPercentUntilCompleted() {
        AuditExport export = export(0);
        assertThat(export.percentDone()).isZero();

        export.completed("history-1.xlsx", 0, FINISHED);

        assertThat(export.percentDone()).isEqualTo(100);
    }

    @Test
    void progressIsWrittenRowsOverTotalRoundedDown() {
        AuditExport export = export(200);
        export.started(77);

        export.progressed(50);
        assertThat(export.percentDone()).isEqualTo(25);

        export.progressed(133);
        assertThat(export.percentDone()).isEqualTo(66);
        assertThat(export.status()).isEqualTo(AuditExportStatus.RUNNING);
        assertThat(export.jobExecutionId()).isEqualTo(77L);
    }

    @Test
    void runningExportNeverShowsAHundredPercent() {
        AuditExport export = export(200);

        export.progressed(200);
        assertThat(export.percentDone()).isEqualTo(99);

        export.progressed(250);
        assertThat(export.percentDone()).isEqualTo(99);
    }

    @Test
    void completedExportIsAtAHundredPercentWithItsFile() {
        AuditExport export = export(200);
        export.progressed(120);

        export.completed("history-1.xlsx", 210, FINISHED);

        assertThat(export.status()).isEqualTo(AuditExportStatus.COMPLETED);
        assertThat(export.percentDone()).isEqualTo(100);
        assertThat(export.fileName()).isEqualTo("history-1.xlsx");
        assertThat(export.writtenRows()).isEqualTo(210);
        assertThat(export.totalRows()).isEqualTo(210);
    }

    @Test
    void completedWithFewerRowsKeepsTheEstimatedTotal() {
        AuditExport export = export(200);

        export.completed("history-1.xlsx", 150, FINISHED);

        assertThat(export.totalRows()).isEqualTo(200);
        assertThat(export.percentDone()).isEqualTo(100);
    }

    @Test
    void anExpiredExportHasNoFileLeft() {
        AuditExport export = export(200);
        export.completed("history-1.xlsx", 200, FINISHED);

        export.expired();

        assertThat(export.status()).isEqualTo(AuditExportStatus.EXPIRED);
        assertThat(export.fileName()).isNull();
        assertThat(export.writtenRows()).isEqualTo(200);
    }

    @Test
    void onlyACompletedExportExpires() {
        AuditExport export = export(200);
        export.failed(FINISHED);

        export.expired();

        assertThat(export.status()).isEqualTo(AuditExportStatus.FAILED);
    }

    @Test
    void failedExportKeepsItsProgress() {
        AuditExport export = export(200);
        export.progressed(50);

        export.failed(FINISHED);

        assertThat(export.status()).isEqualTo(AuditExportStatus.FAILED);
        assertThat(export.percentDone()).isEqualTo(25);
    }

    @Test
    void restartedJobStartsAgainFromZero() {
        AuditExport export = export(200);
        export.progressed(150);

        export.progressed(0);

        assertThat(export.percentDone()).isZero();
    }

    @Test
    void onlyTheRequesterOwnsTheExport() {
        AuditExport export = export(200);

        assertThat(export.isRequestedBy(ActorRef.poolAdmin(3, 7))).isTrue();
        assertThat(export.isRequestedBy(ActorRef.poolAdmin(3, 8))).isFalse();
        assertThat(export.isRequestedBy(ActorRef.poolAdmin(4, 7))).isFalse();
        assertThat(export.isRequestedBy(ActorRef.poolAdmin(3, 7).jumpedInto(9))).isFalse();
        assertThat(export.isRequestedBy(ActorRef.operator(7))).isFalse();
    }

    @Test
    void localeIsKept() {
        assertThat(export(1).locale()).isEqualTo(Locale.ENGLISH);
        AuditExport russian =
                new AuditExport(SUPERVISOR, FULL_QUERY, Locale.forLanguageTag("ru"), 1, REQUESTED);
        assertThat(russian.locale()).isEqualTo(Locale.forLanguageTag("ru"));
    }
}

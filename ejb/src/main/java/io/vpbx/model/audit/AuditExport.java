package io.vpbx.model.audit;

import io.vpbx.model.security.ActorRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A request to export a filtered action history to xlsx. The batch job fills in progress as it
 * goes; the file is downloadable only by the requester, from the same scope. The filter is stored,
 * not the rows, so a restarted job exports the same selection.
 */
@Entity
@Table(name = "audit_export")
public class AuditExport {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 200)
    private String requestedBy;

    @Column(name = "pool_id", updatable = false)
    private Long poolId;

    @Column(name = "domain_id", updatable = false)
    private Long domainId;

    @Column(name = "period_from", updatable = false)
    private Instant periodFrom;

    @Column(name = "period_to", updatable = false)
    private Instant periodTo;

    @Column(name = "actor_text", updatable = false, length = 200)
    private String actorText;

    @Column(name = "object_text", updatable = false, length = 300)
    private String objectText;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type", updatable = false, length = 32)
    private AuditObjectType objectType;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", updatable = false, length = 16)
    private AuditAction action;

    @Column(name = "up_to_id", updatable = false)
    private Long upToId;

    @Column(name = "locale_tag", nullable = false, updatable = false, length = 16)
    private String localeTag;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AuditExportStatus status;

    @Column(name = "total_rows", nullable = false)
    private long totalRows;

    @Column(name = "written_rows", nullable = false)
    private long writtenRows;

    @Column(name = "file_name", length = 200)
    private String fileName;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AuditExport() {}

    public AuditExport(
            ActorRef requester, AuditQuery query, Locale locale, long totalRows, Instant now) {
        this.requestedBy = requester.principalName();
        this.poolId = query.scope().poolId();
        this.domainId = query.scope().domainId();
        this.periodFrom = query.from();
        this.periodTo = query.to();
        this.actorText = query.actorText();
        this.objectText = query.objectText();
        this.objectType = query.objectType();
        this.action = query.action();
        this.upToId = query.upToId();
        this.localeTag = locale.toLanguageTag();
        this.status = AuditExportStatus.QUEUED;
        this.totalRows = totalRows;
        this.requestedAt = now;
    }

    /** The stored filter, as the job runs it. */
    public AuditQuery query() {
        return new AuditQuery(
                new AuditScope(poolId, domainId),
                periodFrom,
                periodTo,
                actorText,
                objectText,
                objectType,
                action,
                upToId);
    }

    public void started(long executionId) {
        this.jobExecutionId = executionId;
        this.status = AuditExportStatus.RUNNING;
    }

    /** Rows written so far; a restarted job starts again from zero. */
    public void progressed(long rowsWritten) {
        this.writtenRows = rowsWritten;
        this.status = AuditExportStatus.RUNNING;
    }

    public void completed(String storedFileName, long rowsWritten, Instant now) {
        this.fileName = storedFileName;
        this.writtenRows = rowsWritten;
        this.totalRows = Math.max(totalRows, rowsWritten);
        this.status = AuditExportStatus.COMPLETED;
        this.finishedAt = now;
    }

    /** The file was deleted after the retention period: nothing is left to download. */
    public void expired() {
        if (status == AuditExportStatus.COMPLETED) {
            this.status = AuditExportStatus.EXPIRED;
            this.fileName = null;
        }
    }

    public void failed(Instant now) {
        this.status = AuditExportStatus.FAILED;
        this.finishedAt = now;
    }

    /** Whether this export belongs to the given requester; nobody else may see or download it. */
    public boolean isRequestedBy(ActorRef actor) {
        return requestedBy.equals(actor.principalName());
    }

    /** Completion in percent, for the progress bar. */
    public int percentDone() {
        if (status == AuditExportStatus.COMPLETED) {
            return 100;
        }
        return totalRows == 0 ? 0 : (int) Math.min(99, writtenRows * 100 / totalRows);
    }

    public Long id() {
        return id;
    }

    public Locale locale() {
        return Locale.forLanguageTag(localeTag);
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public AuditExportStatus status() {
        return status;
    }

    public long totalRows() {
        return totalRows;
    }

    public long writtenRows() {
        return writtenRows;
    }

    public String fileName() {
        return fileName;
    }

    public Instant requestedAt() {
        return requestedAt;
    }
}

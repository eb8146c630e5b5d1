package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.ExportFile;
import io.vpbx.application.history.ExportStatus;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryPage;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.model.audit.AuditEntry;
import io.vpbx.model.audit.AuditExport;
import io.vpbx.model.audit.AuditExportRepository;
import io.vpbx.model.audit.AuditExportStatus;
import io.vpbx.model.audit.AuditQuery;
import io.vpbx.model.audit.AuditRepository;
import io.vpbx.model.audit.AuditScope;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The action history of the caller's scope. The scope is derived from the caller only: the operator
 * sees the platform, a pool admin their pool (every entry of it, spec A L1089; see the admin guide
 * on Q-5), a domain admin (or a pool admin who jumped in) the domain.
 */
@Stateless
@RolesAllowed({Roles.OPERATOR, Roles.POOL_ADMIN, Roles.DOMAIN_ADMIN})
public class DefaultActionHistoryService implements ActionHistoryService {
    static final int MAX_PAGE = 200;
    static final long MAX_EXPORT_ROWS = 1_000_000;
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    @Inject private CallerContext caller;
    @Inject private AuditRepository audit;
    @Inject private AuditExportRepository exports;
    @Inject private PlatformSettings settings;
    @Inject private Event<AuditExportRequested> exportRequested;
    @Inject private Clock clock;

    @Override
    public HistoryPage history(HistoryFilter filter, Long beforeId, int limit) {
        AuditScope scope = scopeOf(caller.actor());
        Long upTo = filter.upToId() != null ? filter.upToId() : audit.newestId(scope);
        AuditQuery query = query(scope, filter).upTo(upTo);
        if (upTo == null) {
            return new HistoryPage(List.of(), 0, null);
        }
        List<HistoryRow> rows =
                audit.page(query, beforeId, Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                        .map(DefaultActionHistoryService::row)
                        .toList();
        return new HistoryPage(rows, audit.count(query), upTo);
    }

    @Override
    public long requestExport(HistoryFilter filter, Locale locale) {
        ActorRef actor = caller.actor();
        AuditScope scope = scopeOf(actor);
        Long upTo = filter.upToId() != null ? filter.upToId() : audit.newestId(scope);
        AuditQuery query = query(scope, filter).upTo(upTo == null ? 0L : upTo);
        long total = audit.count(query);
        if (total > MAX_EXPORT_ROWS) {
            throw new RuleViolation("error.export.tooLarge", MAX_EXPORT_ROWS);
        }
        AuditExport export =
                exports.add(new AuditExport(actor, query, locale, total, clock.instant()));
        exportRequested.fire(new AuditExportRequested(export.id()));
        return export.id();
    }

    @Override
    public ExportStatus exportStatus(long exportId) {
        AuditExport export = ownExport(exportId);
        return new ExportStatus(
                export.id(),
                export.status(),
                export.percentDone(),
                export.writtenRows(),
                export.totalRows());
    }

    @Override
    public ExportFile exportFile(long exportId) {
        AuditExport export = ownExport(exportId);
        if (export.status() != AuditExportStatus.COMPLETED || export.fileName() == null) {
            throw new RuleViolation("error.export.notReady");
        }
        return new ExportFile(
                settings.dataDirectory().resolve("exports").resolve(export.fileName()),
                "action-history-"
                        + FILE_DATE.withZone(settings.displayZone()).format(export.requestedAt())
                        + ".xlsx");
    }

    private AuditExport ownExport(long exportId) {
        ActorRef actor = caller.actor();
        return exports.findById(exportId)
                .filter(e -> e.isRequestedBy(actor))
                .orElseThrow(() -> new NotFound("export"));
    }

    static AuditScope scopeOf(ActorRef actor) {
        return switch (actor.kind()) {
            case OPERATOR -> AuditScope.PLATFORM;
            case POOL_ADMIN ->
                    actor.isJumpedPoolAdmin()
                            ? AuditScope.domain(actor.domainId())
                            : AuditScope.pool(actor.poolId());
            case DOMAIN_USER -> AuditScope.domain(actor.domainId());
            case SYSTEM -> throw new AccessDenied("error.accessDenied");
        };
    }

    private static AuditQuery query(AuditScope scope, HistoryFilter f) {
        Instant to = f.to();
        return new AuditQuery(
                scope,
                f.from(),
                to,
                f.actorText(),
                f.objectText(),
                f.objectType(),
                f.action(),
                null);
    }

    static HistoryRow row(AuditEntry e) {
        return new HistoryRow(
                e.id(),
                e.occurredAt(),
                e.actorIp(),
                e.actorKind(),
                e.actorLogin(),
                e.actorName(),
                e.objectType(),
                e.objectName(),
                e.action(),
                e.changeData());
    }
}

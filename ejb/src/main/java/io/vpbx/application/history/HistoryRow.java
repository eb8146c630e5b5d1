package io.vpbx.application.history;

import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorKind;
import java.time.Instant;

/**
 * One history line.
 *
 * @param changeData the JSON array of {@code {field, before, after}}, or {@code null}
 */
public record HistoryRow(
        long id,
        Instant occurredAt,
        String actorIp,
        ActorKind actorKind,
        String actorLogin,
        String actorName,
        AuditObjectType objectType,
        String objectName,
        AuditAction action,
        String changeData) {}

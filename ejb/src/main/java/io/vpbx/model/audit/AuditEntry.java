package io.vpbx.model.audit;

import io.vpbx.model.security.ActorKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the action history. Immutable: every column is insert-only, the entity has no
 * mutators, the repository has no delete, and on MariaDB a trigger refuses UPDATE and DELETE (spec
 * F AH-3).
 *
 * <p>{@code poolId} is set for actions taken in a pool's scope (the pool console, or the operator
 * acting on a pool); {@code domainId} for actions on a domain or inside it. A pool admin renaming a
 * domain sets both, so the entry shows in the pool's history and in the domain's.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, updatable = false, length = 16)
    private ActorKind actorKind;

    @Column(name = "actor_login", nullable = false, updatable = false, length = 200)
    private String actorLogin;

    @Column(name = "actor_name", nullable = false, updatable = false, length = 200)
    private String actorName;

    @Column(name = "actor_ip", nullable = false, updatable = false, length = 45)
    private String actorIp;

    @Column(name = "pool_id", updatable = false)
    private Long poolId;

    @Column(name = "domain_id", updatable = false)
    private Long domainId;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_type", nullable = false, updatable = false, length = 32)
    private AuditObjectType objectType;

    @Column(name = "object_name", nullable = false, updatable = false, length = 300)
    private String objectName;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 16)
    private AuditAction action;

    @Column(name = "change_data", updatable = false, columnDefinition = "TEXT")
    private String changeData;

    protected AuditEntry() {}

    public AuditEntry(
            Instant occurredAt,
            ActorKind actorKind,
            String actorLogin,
            String actorName,
            String actorIp,
            Long poolId,
            Long domainId,
            AuditObjectType objectType,
            String objectName,
            AuditAction action,
            AuditChanges changes) {
        this.occurredAt = occurredAt;
        this.actorKind = actorKind;
        this.actorLogin = truncate(actorLogin, 200);
        this.actorName = truncate(actorName, 200);
        this.actorIp = truncate(actorIp, 45);
        this.poolId = poolId;
        this.domainId = domainId;
        this.objectType = objectType;
        this.objectName = truncate(objectName, 300);
        this.action = action;
        this.changeData = changes == null || changes.isEmpty() ? null : changes.toJson();
    }

    private static String truncate(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorKind actorKind() {
        return actorKind;
    }

    public String actorLogin() {
        return actorLogin;
    }

    public String actorName() {
        return actorName;
    }

    public String actorIp() {
        return actorIp;
    }

    public Long poolId() {
        return poolId;
    }

    public Long domainId() {
        return domainId;
    }

    public AuditObjectType objectType() {
        return objectType;
    }

    public String objectName() {
        return objectName;
    }

    public AuditAction action() {
        return action;
    }

    /** The JSON array of changes, or {@code null} when the action changed no field values. */
    public String changeData() {
        return changeData;
    }
}

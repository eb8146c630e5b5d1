package io.vpbx.model.groups;

import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A user's membership of a call group (spec C §1.3). The priority (lower first) matters only to the
 * ACD algorithms; every member starts with {@value #DEFAULT_PRIORITY}, as in the manual.
 */
@Entity
@Table(name = "call_group_member")
public class CallGroupMember {
    public static final int DEFAULT_PRIORITY = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "group_id", nullable = false, updatable = false)
    private Long groupId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "priority", nullable = false)
    private int priority;

    protected CallGroupMember() {}

    /** A membership; the group and the user must be of one domain. */
    public CallGroupMember(CallGroup group, DomainUser user) {
        if (group.domainId() != user.domainId()) {
            throw new IllegalArgumentException("a group's members are of its domain");
        }
        this.domainId = group.domainId();
        this.groupId = Objects.requireNonNull(group.id());
        this.userId = Objects.requireNonNull(user.id());
        this.priority = DEFAULT_PRIORITY;
    }

    /** Sets the priority, 1 to 999 (spec C BR-D1). */
    public void prioritise(int newPriority) {
        if (newPriority < 1 || newPriority > 999) {
            throw RuleViolation.onField("priority", "error.callGroup.priority");
        }
        this.priority = newPriority;
    }

    public Long id() {
        return id;
    }

    public long domainId() {
        return domainId;
    }

    public long groupId() {
        return groupId;
    }

    public long userId() {
        return userId;
    }

    public int priority() {
        return priority;
    }
}

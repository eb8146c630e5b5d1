package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.users.PickupGroupRow;
import io.vpbx.application.users.PickupGroupsService;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PickupGroup;
import io.vpbx.model.tenancy.PickupGroupRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The domain's pickup groups. The domain is always the caller's, never a parameter.
 *
 * <p>Membership is changed on the users one by one, as entities, never with a bulk update: each
 * changed user is a saved {@link DomainUser}, which is what tells the SIP directory (through
 * Hibernate's post-commit events) to reload the domain, so a call picked up a second after the
 * change already sees the new groups. Every user whose group changes gets an entry in the action
 * history with the group before and after.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultPickupGroupsService implements PickupGroupsService {
    /** The longest name a pickup group may have (the column's length). */
    static final int MAX_NAME = 64;

    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private PickupGroupRepository groups;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public List<PickupGroupRow> listGroups() {
        long domainId = myDomainId();
        Map<Long, Long> counts = users.countMatchingByPickupGroup(domainId, null);
        return groups.listByDomain(domainId).stream()
                .map(g -> new PickupGroupRow(g.id(), g.name(), counts.getOrDefault(g.id(), 0L)))
                .toList();
    }

    @Override
    public long createGroup(String name, Collection<Long> memberIds) {
        long domainId = myDomainId();
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        String clean = DisplayText.require("name", name, MAX_NAME);
        requireFreeName(domainId, clean, null);
        List<DomainUser> members =
                memberIds == null || memberIds.isEmpty()
                        ? List.of()
                        : selection(domainId, memberIds);
        Map<Long, String> names = groupNames(domainId);
        PickupGroup group = groups.add(new PickupGroup(domain, clean, clock.instant()));
        auditTrail.record(
                AuditObjectType.PICKUP_GROUP,
                group.name(),
                AuditAction.ADD,
                null,
                domainId,
                AuditChanges.create().set("name", group.name()).set("members", logins(members)));
        names.put(group.id(), group.name());
        for (DomainUser member : members) {
            move(member, group, names);
        }
        return group.id();
    }

    @Override
    public void renameGroup(long groupId, String newName) {
        long domainId = myDomainId();
        PickupGroup group = find(domainId, groupId);
        String clean = DisplayText.require("name", newName, MAX_NAME);
        requireFreeName(domainId, clean, group.id());
        String before = group.name();
        group.rename(clean);
        AuditChanges changes = AuditChanges.create().changed("name", before, group.name());
        if (!changes.isEmpty()) {
            auditTrail.record(
                    AuditObjectType.PICKUP_GROUP,
                    group.name(),
                    AuditAction.EDIT,
                    null,
                    domainId,
                    changes);
        }
    }

    @Override
    public int deleteGroup(long groupId) {
        long domainId = myDomainId();
        PickupGroup group = find(domainId, groupId);
        Map<Long, String> names = groupNames(domainId);
        List<DomainUser> members = users.listInPickupGroup(domainId, group.id());
        for (DomainUser member : members) {
            move(member, null, names);
        }
        // The members are already in no group: the repository's own bulk update of them, which
        // the SIP directory would not notice, finds none left.
        groups.remove(group);
        auditTrail.record(
                AuditObjectType.PICKUP_GROUP,
                group.name(),
                AuditAction.DELETE,
                null,
                domainId,
                AuditChanges.create()
                        .changed("name", group.name(), null)
                        .set("membersMovedToNoGroup", logins(members)));
        return members.size();
    }

    @Override
    public int moveUsers(Collection<Long> userIds, Long groupId) {
        long domainId = myDomainId();
        List<DomainUser> selected = selection(domainId, userIds);
        PickupGroup target = groupId == null ? null : find(domainId, groupId);
        Map<Long, String> names = groupNames(domainId);
        int moved = 0;
        for (DomainUser user : selected) {
            if (move(user, target, names)) {
                moved++;
            }
        }
        return moved;
    }

    /** Moves one user and records it; {@code false} if they were in that group already. */
    private boolean move(DomainUser user, PickupGroup target, Map<Long, String> names) {
        Long before = user.pickupGroupId();
        Long after = target == null ? null : target.id();
        if (Objects.equals(before, after)) {
            return false;
        }
        user.moveToPickupGroup(target);
        auditTrail.userEdited(
                caller.actor(),
                user,
                AuditChanges.create()
                        .changed(
                                "pickupGroup",
                                before == null ? null : names.get(before),
                                after == null ? null : names.get(after)));
        return true;
    }

    private void requireFreeName(long domainId, String name, Long self) {
        groups.findByName(domainId, name)
                .filter(other -> !other.id().equals(self))
                .ifPresent(
                        other -> {
                            throw RuleViolation.onField("name", "error.pickupGroup.nameTaken");
                        });
    }

    private List<DomainUser> selection(long domainId, Collection<Long> userIds) {
        return SelectedUsers.of(users, domainId, userIds, "error.pickupGroup.noUsersSelected");
    }

    private PickupGroup find(long domainId, long groupId) {
        return groups.findInDomain(domainId, groupId)
                .orElseThrow(() -> new RuleViolation("error.pickupGroup.notFound"));
    }

    private Map<Long, String> groupNames(long domainId) {
        Map<Long, String> names = new HashMap<>();
        for (PickupGroup g : groups.listByDomain(domainId)) {
            names.put(g.id(), g.name());
        }
        return names;
    }

    private static String logins(List<DomainUser> members) {
        return SelectedUsers.logins(members);
    }

    private long myDomainId() {
        return caller.actor().ownDomainId();
    }
}

package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.groups.CallGroupDetails;
import io.vpbx.application.groups.CallGroupMemberRow;
import io.vpbx.application.groups.CallGroupRef;
import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.groups.MemberSummary;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.Extension;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The domain's call groups. The domain is always the caller's, never a parameter. Memberships are
 * rows of their own ({@link CallGroupMember}), saved and deleted as entities, so the SIP directory
 * reloads the domain after each change (its post-commit listener).
 *
 * <p>The action history records a change where the admin made it: on the group for its own page
 * (settings, members), on each user for the user list's «В группу» and the user page's chips.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultCallGroupsService implements CallGroupsService {
    @Inject private CallerContext caller;
    @Inject private DomainUserRepository users;
    @Inject private CallGroupRepository groups;
    @Inject private CallGroupProvisioning provisioning;
    @Inject private NumberingPlan numberingPlan;
    @Inject private AuditTrail auditTrail;

    @Override
    public List<CallGroupRow> listGroups() {
        long domainId = myDomainId();
        // Names and flags as plain values, one query for the whole domain: listing the groups of
        // a domain with thousands of members loads no user entity.
        Map<Long, List<MemberSummary>> members = new HashMap<>();
        for (MemberSummary m : groups.memberSummaries(domainId)) {
            members.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m);
        }
        Comparator<MemberSummary> byName =
                Comparator.comparing(MemberSummary::displayName, collator());
        return groups.listByDomain(domainId).stream()
                .map(
                        g -> {
                            List<MemberSummary> in = members.getOrDefault(g.id(), List.of());
                            int operators =
                                    (int) in.stream().filter(MemberSummary::operator).count();
                            return new CallGroupRow(
                                    g.id(),
                                    g.name(),
                                    g.extension().value(),
                                    g.algorithm(),
                                    in.size() - operators,
                                    operators,
                                    in.stream()
                                            .sorted(byName)
                                            .map(MemberSummary::displayName)
                                            .toList());
                        })
                .toList();
    }

    @Override
    public String nextFreeExtension() {
        return numberingPlan.nextFree(myDomainId());
    }

    @Override
    public long createGroup(CallGroupSettings settings, Collection<Long> memberIds) {
        long domainId = myDomainId();
        List<DomainUser> members =
                memberIds == null || memberIds.isEmpty()
                        ? List.of()
                        : selection(domainId, memberIds);
        CallGroup group = provisioning.create(domainId, settings, caller.actor());
        for (DomainUser member : members) {
            groups.addMember(new CallGroupMember(group, member));
        }
        if (!members.isEmpty()) {
            // By name, as every other members entry of the group's history.
            recordGroup(
                    group,
                    AuditChanges.create()
                            .set("members", logins(members.stream().sorted(byName()).toList())));
        }
        return group.id();
    }

    @Override
    public CallGroupDetails group(long groupId) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        List<CallGroupMember> members = groups.members(domainId, group.id());
        Map<Long, DomainUser> people = index(groups.memberUsers(domainId, group.id()));
        Map<Long, String> groupNames =
                groups.listByDomain(domainId).stream()
                        .collect(Collectors.toMap(CallGroup::id, CallGroup::name));
        Map<Long, List<String>> others = new HashMap<>();
        // The members' other groups from the domain's memberships in one query, not by a list of
        // the (maybe thousands of) member ids.
        for (MemberSummary m : groups.memberSummaries(domainId)) {
            if (m.groupId() != group.id() && people.containsKey(m.userId())) {
                others.computeIfAbsent(m.userId(), k -> new ArrayList<>())
                        .add(groupNames.get(m.groupId()));
            }
        }
        Comparator<CallGroupMemberRow> byName =
                Comparator.comparing(CallGroupMemberRow::displayName, collator());
        List<CallGroupMemberRow> rows =
                members.stream()
                        .filter(m -> people.containsKey(m.userId()))
                        .map(
                                m -> {
                                    DomainUser u = people.get(m.userId());
                                    List<String> other =
                                            new ArrayList<>(others.getOrDefault(u.id(), List.of()));
                                    other.sort(collator());
                                    return new CallGroupMemberRow(
                                            u.id(),
                                            u.displayName(),
                                            u.jobTitle(),
                                            u.login().value(),
                                            u.extension() == null ? null : u.extension().value(),
                                            u.isContactCenterOperator(),
                                            m.priority(),
                                            List.copyOf(other));
                                })
                        .sorted(byName)
                        .toList();
        return new CallGroupDetails(
                group.id(),
                group.version(),
                group.name(),
                group.extension().value(),
                group.algorithm(),
                rows);
    }

    @Override
    public void changeGroup(long groupId, long version, CallGroupSettings settings) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        ConcurrentEdit.check(version, group.version());
        String name = DisplayText.require("name", settings.name(), CallGroup.MAX_NAME);
        Extension extension = new Extension(settings.extension());
        provisioning.requireFreeName(domainId, name, group.id());
        numberingPlan.requireFree(domainId, extension, null, group.id());
        String beforeName = group.name();
        String beforeExtension = group.extension().value();
        Object beforeAlgorithm = group.algorithm();
        group.change(name, extension, settings.algorithm());
        AuditChanges changes =
                AuditChanges.create()
                        .changed("name", beforeName, group.name())
                        .changed("extension", beforeExtension, group.extension().value())
                        .changed("algorithm", beforeAlgorithm, group.algorithm());
        if (!changes.isEmpty()) {
            recordGroup(group, changes);
        }
    }

    @Override
    public int deleteGroup(long groupId) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        List<DomainUser> members = membersOf(domainId, group);
        groups.remove(group);
        auditTrail.record(
                AuditObjectType.CALL_GROUP,
                group.name(),
                AuditAction.DELETE,
                null,
                domainId,
                AuditChanges.create()
                        .changed("name", group.name(), null)
                        .changed("extension", group.extension().value(), null)
                        .set("members", logins(members)));
        return members.size();
    }

    @Override
    public void setMembers(long groupId, Collection<Long> userIds) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        List<DomainUser> wanted =
                userIds == null || userIds.isEmpty() ? List.of() : selection(domainId, userIds);
        Set<Long> wantedIds = wanted.stream().map(DomainUser::id).collect(Collectors.toSet());
        List<DomainUser> before = membersOf(domainId, group);
        Set<Long> currentIds = before.stream().map(DomainUser::id).collect(Collectors.toSet());
        for (CallGroupMember m : groups.members(domainId, group.id())) {
            if (!wantedIds.contains(m.userId())) {
                groups.removeMember(m);
            }
        }
        for (DomainUser user : wanted) {
            if (!currentIds.contains(user.id())) {
                groups.addMember(new CallGroupMember(group, user));
            }
        }
        if (!wantedIds.equals(currentIds)) {
            recordGroup(
                    group,
                    AuditChanges.create().changed("members", logins(before), logins(wanted)));
        }
    }

    @Override
    public int removeMembers(long groupId, Collection<Long> userIds) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        List<DomainUser> selected = selection(domainId, userIds);
        Set<Long> ids = selected.stream().map(DomainUser::id).collect(Collectors.toSet());
        List<DomainUser> removed = new ArrayList<>();
        Map<Long, DomainUser> byId = index(selected);
        for (CallGroupMember m : groups.members(domainId, group.id())) {
            if (ids.contains(m.userId())) {
                groups.removeMember(m);
                removed.add(byId.get(m.userId()));
            }
        }
        if (!removed.isEmpty()) {
            recordGroup(group, AuditChanges.create().set("membersLeft", logins(removed)));
        }
        return removed.size();
    }

    @Override
    public void prioritise(long groupId, long userId, int priority) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        CallGroupMember member =
                groups.members(domainId, group.id()).stream()
                        .filter(m -> m.userId() == userId)
                        .findFirst()
                        .orElseThrow(() -> new NotFound("user"));
        int before = member.priority();
        member.prioritise(priority);
        if (before != priority) {
            DomainUser user = users.findInDomain(domainId, userId).orElseThrow();
            recordGroup(
                    group,
                    AuditChanges.create()
                            .changed(
                                    "priority",
                                    user.login().value() + ": " + before,
                                    user.login().value() + ": " + priority));
        }
    }

    @Override
    public int makeOperators(long groupId, Collection<Long> userIds) {
        return switchOn(
                groupId,
                userIds,
                "operator",
                DomainUser::isContactCenterOperator,
                u -> u.makeContactCenterOperator(true));
    }

    @Override
    public int recordCalls(long groupId, Collection<Long> userIds) {
        return switchOn(
                groupId,
                userIds,
                "recordCalls",
                DomainUser::recordsCalls,
                u -> u.recordCalls(true));
    }

    /**
     * Switches a user flag on for members of the group, each change recorded on the user.
     *
     * @return how many had it off
     */
    private int switchOn(
            long groupId,
            Collection<Long> userIds,
            String field,
            Predicate<DomainUser> isOn,
            Consumer<DomainUser> turnOn) {
        long domainId = myDomainId();
        CallGroup group = find(domainId, groupId);
        Set<Long> memberIds =
                groups.members(domainId, group.id()).stream()
                        .map(CallGroupMember::userId)
                        .collect(Collectors.toSet());
        int changed = 0;
        for (DomainUser user : selection(domainId, userIds)) {
            if (!memberIds.contains(user.id())) {
                throw new NotFound("user");
            }
            if (!isOn.test(user)) {
                turnOn.accept(user);
                auditTrail.userEdited(
                        caller.actor(), user, AuditChanges.create().changed(field, false, true));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public int moveUsers(Collection<Long> userIds, long groupId) {
        long domainId = myDomainId();
        List<DomainUser> selected = selection(domainId, userIds);
        CallGroup target = find(domainId, groupId);
        int moved = 0;
        for (DomainUser user : selected) {
            if (provisioning.setGroups(user, List.of(target), caller.actor())) {
                moved++;
            }
        }
        return moved;
    }

    @Override
    public List<CallGroupRef> groupsOf(long userId) {
        long domainId = myDomainId();
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        return groupsOf(List.of(user.id())).getOrDefault(user.id(), List.of());
    }

    @Override
    public void setGroupsOf(long userId, Collection<Long> groupIds) {
        long domainId = myDomainId();
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        List<CallGroup> wanted =
                groupIds == null
                        ? List.of()
                        : groupIds.stream()
                                .filter(Objects::nonNull)
                                .distinct()
                                .map(id -> find(domainId, id))
                                .toList();
        provisioning.setGroups(user, wanted, caller.actor());
    }

    @Override
    public Map<Long, List<CallGroupRef>> groupsOf(Collection<Long> userIds) {
        long domainId = myDomainId();
        if (userIds == null || userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, CallGroup> byId = new LinkedHashMap<>();
        for (CallGroup g : groups.listByDomain(domainId)) {
            byId.put(g.id(), g);
        }
        Map<Long, List<CallGroupRef>> result = new HashMap<>();
        for (CallGroupMember m : groups.membershipsOf(domainId, List.copyOf(userIds))) {
            CallGroup g = byId.get(m.groupId());
            result.computeIfAbsent(m.userId(), k -> new ArrayList<>())
                    .add(new CallGroupRef(g.id(), g.name()));
        }
        Comparator<CallGroupRef> byName = Comparator.comparing(CallGroupRef::name, collator());
        result.replaceAll((k, v) -> v.stream().sorted(byName).toList());
        return result;
    }

    @Override
    public List<CallGroupRef> groupsLeftEmptyWithout(Collection<Long> userIds) {
        long domainId = myDomainId();
        if (userIds == null || userIds.isEmpty()) {
            return List.of();
        }
        Set<Long> leaving = Set.copyOf(userIds);
        Map<Long, List<Long>> membersByGroup = new HashMap<>();
        for (CallGroupMember m : groups.membershipsInDomain(domainId)) {
            membersByGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m.userId());
        }
        return groups.listByDomain(domainId).stream()
                .filter(
                        g -> {
                            List<Long> in = membersByGroup.getOrDefault(g.id(), List.of());
                            return !in.isEmpty() && leaving.containsAll(in);
                        })
                .map(g -> new CallGroupRef(g.id(), g.name()))
                .toList();
    }

    private void recordGroup(CallGroup group, AuditChanges changes) {
        auditTrail.record(
                AuditObjectType.CALL_GROUP,
                group.name(),
                AuditAction.EDIT,
                null,
                group.domainId(),
                changes);
    }

    private List<DomainUser> membersOf(long domainId, CallGroup group) {
        return groups.memberUsers(domainId, group.id()).stream().sorted(byName()).toList();
    }

    private List<DomainUser> selection(long domainId, Collection<Long> userIds) {
        return SelectedUsers.of(users, domainId, userIds, "error.callGroup.noUsersSelected");
    }

    private CallGroup find(long domainId, long groupId) {
        return groups.findInDomain(domainId, groupId)
                .orElseThrow(() -> new RuleViolation("error.callGroup.notFound"));
    }

    private static Map<Long, DomainUser> index(List<DomainUser> list) {
        return list.stream().collect(Collectors.toMap(DomainUser::id, Function.identity()));
    }

    private static Comparator<DomainUser> byName() {
        return Comparator.comparing(DomainUser::displayName, collator());
    }

    private static Collator collator() {
        return Collator.getInstance(Locale.forLanguageTag("ru"));
    }

    private static String logins(List<DomainUser> members) {
        return SelectedUsers.logins(members);
    }

    private long myDomainId() {
        return caller.actor().ownDomainId();
    }
}

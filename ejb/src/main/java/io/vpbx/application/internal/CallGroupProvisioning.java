package io.vpbx.application.internal;

import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.Extension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creating call groups and joining users to them, for the console ({@link
 * DefaultCallGroupsService}) and the user import, which creates the groups its file names (spec B
 * BR-22e). Creation takes the domain's lock, so the name and extension checks hold until commit.
 */
@ApplicationScoped
class CallGroupProvisioning {
    @Inject private DomainRepository domains;
    @Inject private CallGroupRepository groups;
    @Inject private NumberingPlan numberingPlan;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    /** Creates a group and records it; members are added by the caller. */
    CallGroup create(long domainId, CallGroupSettings settings, ActorRef actor) {
        Domain domain = domains.lock(domainId).orElseThrow(() -> new NotFound("domain"));
        String name = DisplayText.require("name", settings.name(), CallGroup.MAX_NAME);
        requireFreeName(domainId, name, null);
        Extension extension =
                settings.extension() == null || settings.extension().isBlank()
                        ? new Extension(numberingPlan.nextFree(domainId))
                        : new Extension(settings.extension());
        numberingPlan.requireFree(domainId, extension, null, null);
        CallGroup group =
                groups.add(
                        new CallGroup(
                                domain, name, extension, settings.algorithm(), clock.instant()));
        auditTrail.recordAs(
                actor,
                AuditObjectType.CALL_GROUP,
                group.name(),
                AuditAction.ADD,
                null,
                domainId,
                AuditChanges.create()
                        .set("name", group.name())
                        .set("extension", group.extension().value())
                        .set("algorithm", group.algorithm()));
        return group;
    }

    /**
     * The domain's groups of these names (in any letter case), each created when missing: with the
     * next free extension, ringing all its members at once («всем пользователям», as the manual's
     * inline creation does, spec B BR-17).
     */
    List<CallGroup> findOrCreate(long domainId, Collection<String> names, ActorRef actor) {
        return findOrCreate(domainId, names, actor, Set::of);
    }

    /**
     * As {@link #findOrCreate(long, Collection, ActorRef)}, a missing group taking no extension of
     * {@code reserved}: the user import's rows not created yet hold theirs since the preview. The
     * set is asked for only when a group is missing. The caller holds the domain's lock, so the
     * look-up by name and the creation cannot race another creation of the same name.
     */
    List<CallGroup> findOrCreate(
            long domainId,
            Collection<String> names,
            ActorRef actor,
            Supplier<Set<String>> reserved) {
        List<CallGroup> found = new ArrayList<>();
        for (String name : names) {
            String wanted = name.strip();
            if (found.stream().anyMatch(g -> g.name().equalsIgnoreCase(wanted))) {
                continue;
            }
            Optional<CallGroup> existing = groups.findByName(domainId, wanted);
            if (existing.isPresent()) {
                found.add(existing.get());
            } else {
                Set<String> promised = reserved.get();
                // None promised: create() picks the next free one under the domain's lock.
                String extension =
                        promised.isEmpty() ? null : numberingPlan.nextFree(domainId, promised);
                found.add(
                        create(
                                domainId,
                                new CallGroupSettings(
                                        wanted, extension, DistributionAlgorithm.ALL_SIMULTANEOUS),
                                actor));
            }
        }
        return found;
    }

    /**
     * Makes the user a member of exactly these groups and records the change on the user.
     *
     * @return false if they were already
     */
    boolean setGroups(DomainUser user, Collection<CallGroup> wanted, ActorRef actor) {
        long domainId = user.domainId();
        List<CallGroupMember> current = groups.membershipsOf(domainId, List.of(user.id()));
        List<Long> wantedIds = wanted.stream().map(CallGroup::id).distinct().toList();
        List<Long> currentIds = current.stream().map(CallGroupMember::groupId).toList();
        if (wantedIds.size() == currentIds.size() && currentIds.containsAll(wantedIds)) {
            return false;
        }
        String before = names(domainId, currentIds);
        for (CallGroupMember member : current) {
            if (!wantedIds.contains(member.groupId())) {
                groups.removeMember(member);
            }
        }
        for (CallGroup group : wanted.stream().distinct().toList()) {
            if (!currentIds.contains(group.id())) {
                groups.addMember(new CallGroupMember(group, user));
            }
        }
        auditTrail.userEdited(
                actor,
                user,
                AuditChanges.create().changed("callGroups", before, names(domainId, wantedIds)));
        return true;
    }

    void requireFreeName(long domainId, String name, Long self) {
        groups.findByName(domainId, name)
                .filter(other -> !other.id().equals(self))
                .ifPresent(
                        other -> {
                            throw RuleViolation.onField("name", "error.callGroup.nameTaken");
                        });
    }

    /** The groups' names, sorted and comma-separated; null for none. */
    String names(long domainId, Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return null;
        }
        return groups.listByDomain(domainId).stream()
                .filter(g -> groupIds.contains(g.id()))
                .map(CallGroup::name)
                .collect(Collectors.joining(", "));
    }
}

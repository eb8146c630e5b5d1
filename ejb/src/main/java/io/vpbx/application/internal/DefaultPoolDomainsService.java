package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.TokenIssuer;
import io.vpbx.application.pool.PoolDomainInfo;
import io.vpbx.application.pool.PoolDomainRow;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.pool.PoolHeader;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.OneTimeToken;
import io.vpbx.model.security.OneTimeTokenRepository;
import io.vpbx.model.security.Roles;
import io.vpbx.model.security.TokenPurpose;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainSubgroup;
import io.vpbx.model.tenancy.DomainSubgroupRepository;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pool console's domain list and subgroup operations. Every lookup is scoped to the caller's
 * pool; a domain of another pool is "not found". Renames and jumps check that the caller manages
 * the domain; subgroup changes are for supervisors (checked by role and again against the loaded
 * account).
 */
@Stateless
@RolesAllowed(Roles.POOL_ADMIN)
public class DefaultPoolDomainsService implements PoolDomainsService {
    @Inject private PoolAdminSession session;
    @Inject private DomainRepository domains;
    @Inject private DomainSubgroupRepository subgroups;
    @Inject private DomainUserRepository domainUsers;
    @Inject private PoolAdminRepository poolAdmins;
    @Inject private OneTimeTokenRepository tokens;
    @Inject private TokenIssuer tokenIssuer;
    @Inject private CallerContext caller;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public PoolHeader header() {
        PoolAdmin me = session.current();
        return new PoolHeader(
                me.pool().name(),
                domains.countByPool(me.pool().id()),
                me.login().value(),
                me.displayName(),
                me.role());
    }

    @Override
    public List<SubgroupNode> domainTree(String search) {
        PoolAdmin me = session.current();
        long poolId = me.pool().id();
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Map<Long, List<Domain>> bySubgroup = new LinkedHashMap<>();
        for (Domain d : domains.listByPool(poolId)) {
            bySubgroup.computeIfAbsent(d.subgroup().id(), id -> new ArrayList<>()).add(d);
        }
        Set<Long> granted =
                me.allowedSubgroups().stream().map(DomainSubgroup::id).collect(Collectors.toSet());
        Collator collator = Collator.getInstance(Locale.forLanguageTag("ru"));
        List<SubgroupNode> nodes = new ArrayList<>();
        for (DomainSubgroup sg : subgroups.listByPool(poolId)) {
            List<Domain> members = bySubgroup.getOrDefault(sg.id(), List.of());
            List<PoolDomainRow> rows =
                    members.stream().filter(d -> matches(d, needle)).map(d -> row(d, me)).toList();
            boolean manageable = me.isSupervisor() || granted.contains(sg.id());
            nodes.add(
                    new SubgroupNode(
                            sg.id(),
                            sg.name(),
                            sg.isSystem(),
                            manageable,
                            sg.version(),
                            members.size(),
                            rows));
        }
        Comparator<SubgroupNode> alphabetical = Comparator.comparing(SubgroupNode::name, collator);
        Comparator<SubgroupNode> order =
                me.isSupervisor()
                        ? alphabetical
                        : Comparator.comparing((SubgroupNode n) -> !n.manageable())
                                .thenComparing(alphabetical);
        nodes.sort(order);
        return nodes;
    }

    @Override
    public PoolDomainInfo domainInfo(long domainId) {
        PoolAdmin me = session.current();
        Domain d = findInPool(me, domainId);
        return new PoolDomainInfo(
                d.id(),
                d.name().value(),
                d.displayName(),
                d.personalAccountNumber(),
                d.routingNumber() == null ? null : d.routingNumber().value(),
                d.notificationEmail() == null ? null : d.notificationEmail().value(),
                d.status(),
                d.subgroup().name(),
                d.subgroup().isSystem(),
                domainUsers.countByDomain(d.id()),
                d.limits().maxUsers(),
                d.limits().maxChannels());
    }

    @Override
    public void renameDomain(long domainId, long loadedVersion, String newDisplayName) {
        PoolAdmin me = session.current();
        Domain domain = findInPool(me, domainId);
        requireManaged(me, domain);
        ConcurrentEdit.check(loadedVersion, domain.version());
        String before = domain.displayName();
        domain.rename(newDisplayName);
        auditTrail.domainEdited(
                domain, AuditChanges.create().changed("displayName", before, domain.displayName()));
    }

    @Override
    public String issueConsoleJump(long domainId) {
        PoolAdmin me = session.current();
        Domain domain = findInPool(me, domainId);
        requireManaged(me, domain);
        TokenIssuer.IssuedToken issued = tokenIssuer.issue();
        tokens.add(
                new OneTimeToken(
                        TokenPurpose.CONSOLE_JUMP,
                        issued.digest(),
                        domain.id(),
                        me.id(),
                        caller.actor().principalName(),
                        clock.instant()));
        return issued.token();
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public long createSubgroup(String name) {
        PoolAdmin me = session.currentSupervisor();
        return addSubgroup(me, name).id();
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public void renameSubgroup(long subgroupId, long loadedVersion, String newName) {
        PoolAdmin me = session.currentSupervisor();
        DomainSubgroup subgroup = findSubgroup(me, subgroupId);
        ConcurrentEdit.check(loadedVersion, subgroup.version());
        String before = subgroup.name();
        subgroup.rename(newName);
        subgroups
                .findByName(me.pool().id(), subgroup.name())
                .filter(other -> !other.id().equals(subgroup.id()))
                .ifPresent(
                        other -> {
                            throw RuleViolation.onField("name", "error.subgroup.nameTaken");
                        });
        auditTrail.record(
                AuditObjectType.SUBGROUP,
                subgroup.name(),
                AuditAction.EDIT,
                me.pool().id(),
                null,
                AuditChanges.create().changed("name", before, subgroup.name()));
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public void deleteSubgroup(long subgroupId) {
        PoolAdmin me = session.currentSupervisor();
        DomainSubgroup subgroup = findSubgroup(me, subgroupId);
        subgroup.requireNotSystem();
        DomainSubgroup noGroup = subgroups.noGroupOf(me.pool().id());
        List<String> moved = new ArrayList<>();
        for (Domain d : domains.listInSubgroup(subgroup.id())) {
            d.moveTo(noGroup);
            moved.add(d.name().value());
        }
        for (PoolAdmin admin : poolAdmins.listGrantedSubgroup(subgroup.id())) {
            String granted = DefaultPoolAdminsService.names(admin.allowedSubgroups());
            admin.revokeSubgroup(subgroup);
            auditTrail.record(
                    AuditObjectType.POOL_ADMIN,
                    admin.login().value(),
                    AuditAction.EDIT,
                    me.pool().id(),
                    null,
                    AuditChanges.create()
                            .changed(
                                    "subgroups",
                                    granted,
                                    DefaultPoolAdminsService.names(admin.allowedSubgroups())));
        }
        subgroups.remove(subgroup);
        auditTrail.record(
                AuditObjectType.SUBGROUP,
                subgroup.name(),
                AuditAction.DELETE,
                me.pool().id(),
                null,
                AuditChanges.create()
                        .changed("name", subgroup.name(), null)
                        .set(
                                "domainsMovedToNoGroup",
                                moved.isEmpty() ? null : String.join(", ", moved)));
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public long addDomainsToNewSubgroup(String name, Set<Long> domainIds) {
        PoolAdmin me = session.currentSupervisor();
        List<Domain> selected = selection(me, domainIds);
        DomainSubgroup subgroup = addSubgroup(me, name);
        move(me, selected, subgroup);
        return subgroup.id();
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public void moveDomains(Set<Long> domainIds, long targetSubgroupId) {
        PoolAdmin me = session.currentSupervisor();
        List<Domain> selected = selection(me, domainIds);
        move(me, selected, findSubgroup(me, targetSubgroupId));
    }

    @Override
    @RolesAllowed(Roles.POOL_SUPERVISOR)
    public void removeDomainsFromSubgroup(Set<Long> domainIds) {
        PoolAdmin me = session.currentSupervisor();
        List<Domain> selected = selection(me, domainIds);
        List<Domain> grouped = selected.stream().filter(d -> !d.subgroup().isSystem()).toList();
        if (grouped.isEmpty()) {
            throw new RuleViolation("error.subgroup.alreadyNoGroup");
        }
        move(me, grouped, subgroups.noGroupOf(me.pool().id()));
    }

    private DomainSubgroup addSubgroup(PoolAdmin me, String name) {
        DomainSubgroup subgroup = DomainSubgroup.named(me.pool(), name);
        if (subgroups.findByName(me.pool().id(), subgroup.name()).isPresent()) {
            throw RuleViolation.onField("name", "error.subgroup.nameTaken");
        }
        subgroups.add(subgroup);
        auditTrail.record(
                AuditObjectType.SUBGROUP,
                subgroup.name(),
                AuditAction.ADD,
                me.pool().id(),
                null,
                AuditChanges.create().set("name", subgroup.name()));
        return subgroup;
    }

    private void move(PoolAdmin me, List<Domain> selected, DomainSubgroup target) {
        for (Domain d : selected) {
            String before = d.subgroup().name();
            if (d.isInSubgroup(target.id())) {
                continue;
            }
            d.moveTo(target);
            auditTrail.domainEdited(
                    d, AuditChanges.create().changed("subgroup", before, target.name()));
        }
    }

    private List<Domain> selection(PoolAdmin me, Set<Long> domainIds) {
        if (domainIds == null || domainIds.isEmpty()) {
            throw new RuleViolation("error.selection.empty");
        }
        return domainIds.stream().sorted().map(id -> findInPool(me, id)).toList();
    }

    private Domain findInPool(PoolAdmin me, long domainId) {
        return domains.findInPool(me.pool().id(), domainId)
                .orElseThrow(() -> new NotFound("domain"));
    }

    private DomainSubgroup findSubgroup(PoolAdmin me, long subgroupId) {
        return subgroups
                .findInPool(me.pool().id(), subgroupId)
                .orElseThrow(() -> new NotFound("subgroup"));
    }

    private static void requireManaged(PoolAdmin me, Domain domain) {
        if (!me.manages(domain)) {
            throw new AccessDenied("error.domain.notManaged");
        }
    }

    private static boolean matches(Domain d, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        return d.name().value().contains(needle)
                || d.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || (d.routingNumber() != null && d.routingNumber().value().contains(needle));
    }

    private static PoolDomainRow row(Domain d, PoolAdmin me) {
        return new PoolDomainRow(
                d.id(),
                d.name().value(),
                d.displayName(),
                d.routingNumber() == null ? null : d.routingNumber().value(),
                d.personalAccountNumber(),
                d.status(),
                me.manages(d),
                d.version());
    }
}

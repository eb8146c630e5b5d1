package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.platform.DomainProfile;
import io.vpbx.application.platform.DomainView;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.NewPool;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.platform.PoolSummary;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainLimits;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.Pool;
import io.vpbx.model.tenancy.PoolRepository;
import io.vpbx.model.tenancy.RoutingNumber;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The platform operator's console. Every method is for the operator only. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class DefaultPlatformService implements PlatformService {
    private static final int DOMAIN_LIST_LIMIT = 500;

    @Inject private PoolRepository pools;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository domainUsers;
    @Inject private Provisioning provisioning;
    @Inject private CallerContext caller;
    @Inject private AuditTrail auditTrail;

    @Override
    public List<PoolSummary> listPools() {
        return pools.listAll().stream().map(this::summary).toList();
    }

    @Override
    public long createPool(NewPool request) {
        return provisioning.createPool(request, caller.actor());
    }

    @Override
    public List<DomainView> findDomains(String text) {
        List<Domain> found = domains.search(text, DOMAIN_LIST_LIMIT);
        Map<Long, Long> users = domainUsers.countByDomains(found.stream().map(Domain::id).toList());
        return found.stream().map(d -> view(d, users.getOrDefault(d.id(), 0L))).toList();
    }

    @Override
    public DomainView getDomain(long domainId) {
        Domain domain = find(domainId);
        return view(domain, domainUsers.countByDomain(domainId));
    }

    @Override
    public long createDomain(NewDomain request) {
        return provisioning.createDomain(request, caller.actor());
    }

    @Override
    public void editDomainProfile(long domainId, long loadedVersion, DomainProfile profile) {
        Domain domain = find(domainId);
        ConcurrentEdit.check(loadedVersion, domain.version());
        String displayName = domain.displayName();
        String companyName = domain.companyName();
        RoutingNumber routingNumber = domain.routingNumber();
        String account = domain.personalAccountNumber();
        EmailAddress email = domain.notificationEmail();
        int maxUsers = domain.limits().maxUsers();
        int maxChannels = domain.limits().maxChannels();
        DomainStatus status = domain.status();

        domain.rename(profile.displayName());
        domain.changeCompanyName(profile.companyName());
        RoutingNumber newNumber = RoutingNumber.optional(profile.routingNumber());
        provisioning.requireFreeRoutingNumber(domain.pool(), newNumber, domain);
        domain.assignRoutingNumber(newNumber);
        domain.changePersonalAccountNumber(profile.personalAccountNumber());
        domain.changeNotificationEmail(
                EmailAddress.optional(profile.notificationEmail(), "notificationEmail"));
        DomainLimits limits = new DomainLimits(profile.maxUsers(), profile.maxChannels());
        long users = domainUsers.countByDomain(domain.id());
        if (limits.maxUsers() < users && limits.maxUsers() < maxUsers) {
            // Lowering the limit below what the domain already has would leave it over its limit;
            // the operator must first have users removed. (Keeping a limit that is already below,
            // e.g. after an import, is allowed, so other fields can still be edited.)
            throw RuleViolation.onField("maxUsers", "error.limit.belowUsers", users);
        }
        domain.changeLimits(limits);
        domain.changeStatus(Objects.requireNonNull(profile.status()));

        AuditChanges changes =
                AuditChanges.create()
                        .changed("displayName", displayName, domain.displayName())
                        .changed("companyName", companyName, domain.companyName())
                        .changed("routingNumber", routingNumber, domain.routingNumber())
                        .changed("personalAccountNumber", account, domain.personalAccountNumber())
                        .changed("notificationEmail", email, domain.notificationEmail())
                        .changed("maxUsers", maxUsers, domain.limits().maxUsers())
                        .changed("maxChannels", maxChannels, domain.limits().maxChannels())
                        .changed("status", status, domain.status());
        auditTrail.domainEdited(domain, changes);
    }

    private Domain find(long domainId) {
        return domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
    }

    private PoolSummary summary(Pool pool) {
        return new PoolSummary(
                pool.id(),
                pool.name(),
                pool.routingNumberLength(),
                domains.countByPool(pool.id()),
                pool.createdAt());
    }

    private static DomainView view(Domain d, long userCount) {
        return new DomainView(
                d.id(),
                d.name().value(),
                d.displayName(),
                d.companyName(),
                d.appId().value(),
                d.routingNumber() == null ? null : d.routingNumber().value(),
                d.pool() == null ? null : d.pool().id(),
                d.pool() == null ? null : d.pool().name(),
                d.subgroup() == null ? null : d.subgroup().name(),
                d.subgroup() != null && d.subgroup().isSystem(),
                d.personalAccountNumber(),
                d.notificationEmail() == null ? null : d.notificationEmail().value(),
                d.status(),
                d.limits().maxUsers(),
                d.limits().maxChannels(),
                userCount,
                d.createdAt(),
                d.version());
    }
}

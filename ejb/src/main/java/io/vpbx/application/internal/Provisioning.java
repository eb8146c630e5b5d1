package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.NewPool;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.AccountStatus;
import io.vpbx.model.tenancy.AppId;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainLimits;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainSubgroup;
import io.vpbx.model.tenancy.DomainSubgroupRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.DomainUserRole;
import io.vpbx.model.tenancy.Pool;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import io.vpbx.model.tenancy.PoolRepository;
import io.vpbx.model.tenancy.PoolRole;
import io.vpbx.model.tenancy.RoutingNumber;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Creating pools and domains with their first accounts: shared by the operator's console and the
 * demo set-up of {@code bin/vpbx start}, so that demo data is made exactly as an operator would
 * make it, rules and history included.
 */
@ApplicationScoped
class Provisioning {
    private final SecureRandom random = new SecureRandom();

    @Inject private PoolRepository pools;
    @Inject private DomainSubgroupRepository subgroups;
    @Inject private DomainRepository domains;
    @Inject private PoolAdminRepository poolAdmins;
    @Inject private DomainUserRepository domainUsers;
    @Inject private PasswordHasher hasher;
    @Inject private CredentialMails credentialMails;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    long createPool(NewPool request, ActorRef actor) {
        Pool pool = new Pool(request.name(), request.routingNumberLength(), clock.instant());
        if (pools.findByName(pool.name()).isPresent()) {
            throw RuleViolation.onField("name", "error.pool.nameTaken");
        }
        NewAccount account = request.supervisor();
        Login login = new Login(account.login());
        requireFreePoolLogin(login);
        PasswordPolicy.checkWithRepeat(account.password(), account.passwordRepeat());
        pools.add(pool);
        subgroups.add(DomainSubgroup.noGroupOf(pool));
        PoolAdmin supervisor =
                poolAdmins.add(
                        new PoolAdmin(
                                pool,
                                login,
                                account.displayName(),
                                new EmailAddress(account.email()),
                                null,
                                hasher.hash(account.password()),
                                PoolRole.SUPERVISOR,
                                AccountStatus.ACTIVE,
                                clock.instant()));
        auditTrail.recordAs(
                actor,
                AuditObjectType.POOL,
                pool.name(),
                AuditAction.ADD,
                pool.id(),
                null,
                AuditChanges.create()
                        .set("name", pool.name())
                        .set("routingNumberLength", pool.routingNumberLength()));
        auditTrail.recordAs(
                actor,
                AuditObjectType.POOL_ADMIN,
                supervisor.login().value(),
                AuditAction.ADD,
                pool.id(),
                null,
                AuditChanges.create()
                        .set("displayName", supervisor.displayName())
                        .set("email", supervisor.email())
                        .set("role", supervisor.role())
                        .secretChanged("password"));
        if (request.sendCredentials()) {
            credentialMails.poolAdmin(
                    pool,
                    supervisor.email().value(),
                    supervisor.displayName(),
                    login.value(),
                    account.password(),
                    true,
                    request.mailLocale());
        }
        return pool.id();
    }

    long createDomain(NewDomain request, ActorRef actor) {
        SipDomainName name = new SipDomainName(request.sipDomain());
        if (domains.findByName(name).isPresent()) {
            throw RuleViolation.onField("sipDomain", "error.sipDomain.taken");
        }
        Pool pool =
                request.poolId() == null
                        ? null
                        : pools.findById(request.poolId())
                                .orElseThrow(
                                        () -> RuleViolation.onField("pool", "error.pool.notFound"));
        AppId appId = chooseAppId(request.appId());
        DomainLimits limits = new DomainLimits(request.maxUsers(), request.maxChannels());
        NewAccount account = request.admin();
        Login adminLogin = new Login(account.login());
        PasswordPolicy.checkWithRepeat(account.password(), account.passwordRepeat());
        EmailAddress adminEmail = new EmailAddress(account.email());
        String adminName = DisplayText.require("adminDisplayName", account.displayName(), 128);

        Domain domain =
                new Domain(
                        name,
                        request.displayName(),
                        request.companyName(),
                        appId,
                        pool,
                        pool == null ? null : subgroups.noGroupOf(pool.id()),
                        limits,
                        clock.instant());
        RoutingNumber routingNumber = RoutingNumber.optional(request.routingNumber());
        requireFreeRoutingNumber(pool, routingNumber, null);
        domain.assignRoutingNumber(routingNumber);
        domain.changePersonalAccountNumber(request.personalAccountNumber());
        domain.changeNotificationEmail(
                EmailAddress.optional(request.notificationEmail(), "notificationEmail"));
        domains.add(domain);

        DomainUser admin =
                domainUsers.add(
                        new DomainUser(
                                domain,
                                adminLogin,
                                adminName,
                                adminEmail,
                                hasher.hash(account.password()),
                                DomainUserRole.ADMIN,
                                clock.instant()));
        auditTrail.recordAs(
                actor,
                AuditObjectType.DOMAIN,
                domain.name().value(),
                AuditAction.ADD,
                pool == null ? null : pool.id(),
                domain.id(),
                AuditChanges.create()
                        .set("displayName", domain.displayName())
                        .set("companyName", domain.companyName())
                        .set("appId", domain.appId())
                        .set("routingNumber", domain.routingNumber())
                        .set("pool", pool == null ? null : pool.name())
                        .set("maxUsers", limits.maxUsers())
                        .set("maxChannels", limits.maxChannels()));
        auditTrail.recordAs(
                actor,
                AuditObjectType.DOMAIN_USER,
                admin.login().value(),
                AuditAction.ADD,
                null,
                domain.id(),
                AuditChanges.create()
                        .set("displayName", admin.displayName())
                        .set("email", admin.email())
                        .set("role", admin.role())
                        .secretChanged("password"));
        if (request.sendCredentials()) {
            credentialMails.domainAdmin(
                    domain,
                    adminEmail.value(),
                    admin.displayName(),
                    adminLogin.value(),
                    account.password(),
                    request.mailLocale());
        }
        return domain.id();
    }

    /** Throws unless the routing number is free in the pool ({@code self} may keep its own). */
    void requireFreeRoutingNumber(Pool pool, RoutingNumber number, Domain self) {
        if (pool == null || number == null) {
            return;
        }
        domains.findByRoutingNumber(pool.id(), number)
                .filter(other -> self == null || !other.id().equals(self.id()))
                .ifPresent(
                        other -> {
                            throw RuleViolation.onField(
                                    "routingNumber", "error.routingNumber.taken");
                        });
    }

    private void requireFreePoolLogin(Login login) {
        if (poolAdmins.findByLogin(login).isPresent()) {
            throw RuleViolation.onField("login", "error.login.taken");
        }
    }

    private AppId chooseAppId(String requested) {
        if (requested != null && !requested.isBlank()) {
            AppId appId = new AppId(requested);
            if (domains.existsByAppId(appId)) {
                throw RuleViolation.onField("appId", "error.appId.taken");
            }
            return appId;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            AppId candidate = AppId.random(random);
            if (!domains.existsByAppId(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free App ID found after 20 attempts");
    }
}

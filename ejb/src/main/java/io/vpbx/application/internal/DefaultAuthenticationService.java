package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.Notification;
import io.vpbx.application.NotificationPort;
import io.vpbx.application.PasswordHasher;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.TokenIssuer;
import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.auth.LoginResult.Outcome;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.OneTimeToken;
import io.vpbx.model.security.OneTimeTokenRepository;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.model.security.Roles;
import io.vpbx.model.security.TokenPurpose;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PlatformOperator;
import io.vpbx.model.tenancy.PlatformOperatorRepository;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Console logins with per-account, per-address lock-out, console jumps and password recovery.
 *
 * <p>Wrong login and wrong password give the same answer and take the same time (a decoy hash is
 * verified when the account does not exist). A blocked account or domain is reported only after the
 * password was right, so the block does not reveal that the login exists.
 */
@Stateless
@PermitAll
public class DefaultAuthenticationService implements AuthenticationService {
    private static final Logger LOG =
            Logger.getLogger(DefaultAuthenticationService.class.getName());
    private static final int RECOVERY_MAILS_PER_HOUR = 5;

    @Inject private PlatformOperatorRepository operators;
    @Inject private PoolAdminRepository poolAdmins;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository domainUsers;
    @Inject private LoginThrottle throttle;
    @Inject private OneTimeTokenRepository tokens;
    @Inject private PasswordHasher hasher;
    @Inject private TokenIssuer tokenIssuer;
    @Inject private NotificationPort notifications;
    @Inject private PlatformSettings settings;
    @Inject private CallerContext caller;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public LoginResult loginToPlatform(String login, String password) {
        Optional<Login> parsed = parseLogin(login);
        String key = "platform:" + parsed.map(Login::value).orElse(String.valueOf(login));
        return throttled(
                key,
                () -> {
                    Optional<PlatformOperator> operator = parsed.flatMap(operators::findByLogin);
                    if (!hasher.verify(
                            password, operator.map(PlatformOperator::passwordHash).orElse(null))) {
                        return LoginResult.failure(Outcome.INVALID_CREDENTIALS);
                    }
                    PlatformOperator o = operator.orElseThrow();
                    if (!o.isActive()) {
                        return LoginResult.failure(Outcome.ACCOUNT_BLOCKED);
                    }
                    ActorRef actor = ActorRef.operator(o.id());
                    auditTrail.recordAs(
                            actor,
                            AuditObjectType.OPERATOR,
                            o.login().value(),
                            AuditAction.LOGIN,
                            null,
                            null,
                            null);
                    return LoginResult.success(
                            actor.principalName(), Set.of(Roles.OPERATOR), o.displayName());
                });
    }

    @Override
    public LoginResult loginToPool(String login, String password) {
        Optional<Login> parsed = parseLogin(login);
        String key = "pool:" + parsed.map(Login::value).orElse(String.valueOf(login));
        return throttled(
                key,
                () -> {
                    Optional<PoolAdmin> admin = parsed.flatMap(poolAdmins::findByLogin);
                    if (!hasher.verify(password, admin.map(PoolAdmin::passwordHash).orElse(null))) {
                        return LoginResult.failure(Outcome.INVALID_CREDENTIALS);
                    }
                    PoolAdmin a = admin.orElseThrow();
                    if (!a.isActive()) {
                        return LoginResult.failure(Outcome.ACCOUNT_BLOCKED);
                    }
                    ActorRef actor = ActorRef.poolAdmin(a.pool().id(), a.id());
                    auditTrail.recordAs(
                            actor,
                            AuditObjectType.POOL_ADMIN,
                            a.login().value(),
                            AuditAction.LOGIN,
                            a.pool().id(),
                            null,
                            null);
                    Set<String> roles =
                            a.isSupervisor()
                                    ? Set.of(Roles.POOL_ADMIN, Roles.POOL_SUPERVISOR)
                                    : Set.of(Roles.POOL_ADMIN);
                    return LoginResult.success(actor.principalName(), roles, a.displayName());
                });
    }

    @Override
    public LoginResult loginToDomain(String domainName, String login, String password) {
        return loginAsDomainUser(domainName, login, password, true);
    }

    @Override
    public LoginResult loginToCabinet(String domainName, String login, String password) {
        return loginAsDomainUser(domainName, login, password, false);
    }

    /**
     * The domain console and the personal cabinet check the same credentials under the same
     * lock-out key, so alternating between the two forms gives a guesser no extra attempts.
     */
    private LoginResult loginAsDomainUser(
            String domainName, String login, String password, boolean console) {
        Optional<Login> parsed = parseLogin(login);
        Optional<SipDomainName> parsedDomain = parseDomain(domainName);
        String key =
                "domain:"
                        + parsedDomain.map(SipDomainName::value).orElse(String.valueOf(domainName))
                        + ":"
                        + parsed.map(Login::value).orElse(String.valueOf(login));
        return throttled(
                key,
                () -> {
                    Optional<Domain> domain = parsedDomain.flatMap(domains::findByName);
                    Optional<DomainUser> user =
                            domain.flatMap(
                                    d -> parsed.flatMap(l -> domainUsers.findByLogin(d.id(), l)));
                    if (!hasher.verify(password, user.map(DomainUser::passwordHash).orElse(null))) {
                        return LoginResult.failure(Outcome.INVALID_CREDENTIALS);
                    }
                    DomainUser u = user.orElseThrow();
                    Domain d = domain.orElseThrow();
                    if (!u.isActive()) {
                        return LoginResult.failure(Outcome.ACCOUNT_BLOCKED);
                    }
                    if (d.status() == DomainStatus.BLOCKED_BY_OPERATOR) {
                        return LoginResult.failure(Outcome.DOMAIN_BLOCKED);
                    }
                    if (console && !u.isAdmin()) {
                        return LoginResult.failure(Outcome.NO_CONSOLE_ACCESS);
                    }
                    ActorRef actor = ActorRef.domainUser(d.id(), u.id());
                    auditTrail.recordAs(
                            actor,
                            AuditObjectType.DOMAIN_USER,
                            u.login().value(),
                            AuditAction.LOGIN,
                            null,
                            d.id(),
                            console ? null : AuditChanges.create().set("console", "my"));
                    return LoginResult.success(
                            actor.principalName(),
                            console
                                    ? Set.of(Roles.DOMAIN_ADMIN, Roles.DOMAIN_USER)
                                    : Set.of(Roles.DOMAIN_USER),
                            u.displayName());
                });
    }

    @Override
    public LoginResult redeemConsoleJump(String token) {
        Instant now = clock.instant();
        Optional<OneTimeToken> found =
                tokenIssuer
                        .digestOf(token)
                        .flatMap(digest -> tokens.findByDigest(TokenPurpose.CONSOLE_JUMP, digest));
        if (found.isEmpty() || !found.get().isRedeemable(now)) {
            return LoginResult.failure(Outcome.LINK_INVALID);
        }
        OneTimeToken jump = found.get();
        Optional<PoolAdmin> admin =
                poolAdmins.findById(jump.subjectId()).filter(PoolAdmin::isActive);
        Optional<Domain> domain =
                admin.flatMap(a -> domains.findInPool(a.pool().id(), jump.domainId()));
        if (domain.isEmpty() || !admin.get().manages(domain.get())) {
            return LoginResult.failure(Outcome.LINK_INVALID);
        }
        if (domain.get().status() == DomainStatus.BLOCKED_BY_OPERATOR) {
            return LoginResult.failure(Outcome.DOMAIN_BLOCKED);
        }
        jump.redeem(now);
        PoolAdmin a = admin.get();
        Domain d = domain.get();
        ActorRef actor = ActorRef.poolAdmin(a.pool().id(), a.id()).jumpedInto(d.id());
        auditTrail.recordAs(
                actor,
                AuditObjectType.DOMAIN,
                d.name().value(),
                AuditAction.CONSOLE_JUMP,
                a.pool().id(),
                d.id(),
                null);
        return LoginResult.success(
                actor.principalName(), Set.of(Roles.DOMAIN_ADMIN), a.displayName());
    }

    @Override
    public boolean isSessionValid(String principalName) {
        ActorRef actor;
        try {
            actor = ActorRef.parse(principalName);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return switch (actor.kind()) {
            case OPERATOR ->
                    operators
                            .findById(actor.accountId())
                            .filter(PlatformOperator::isActive)
                            .isPresent();
            case POOL_ADMIN -> {
                Optional<PoolAdmin> admin =
                        poolAdmins
                                .findInPool(actor.poolId(), actor.accountId())
                                .filter(PoolAdmin::isActive);
                if (admin.isEmpty() || !actor.isJumpedPoolAdmin()) {
                    yield admin.isPresent();
                }
                yield domains.findInPool(actor.poolId(), actor.domainId())
                        .filter(d -> d.status() != DomainStatus.BLOCKED_BY_OPERATOR)
                        .filter(d -> admin.get().manages(d))
                        .isPresent();
            }
            case DOMAIN_USER ->
                    domainUsers
                                    .findInDomain(actor.domainId(), actor.accountId())
                                    .filter(DomainUser::isActive)
                                    .filter(DomainUser::isAdmin)
                                    .isPresent()
                            && domains.findById(actor.domainId())
                                    .filter(d -> d.status() != DomainStatus.BLOCKED_BY_OPERATOR)
                                    .isPresent();
            case SYSTEM -> false;
        };
    }

    @Override
    public boolean isCabinetSessionValid(String principalName) {
        ActorRef actor;
        try {
            actor = ActorRef.parse(principalName);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return actor.kind() == ActorKind.DOMAIN_USER
                && domainUsers
                        .findInDomain(actor.domainId(), actor.accountId())
                        .filter(DomainUser::isActive)
                        .isPresent()
                && domains.findById(actor.domainId())
                        .filter(d -> d.status() != DomainStatus.BLOCKED_BY_OPERATOR)
                        .isPresent();
    }

    @Override
    public void requestPasswordRecovery(String domainName, String login, Locale locale) {
        Optional<Domain> domain = parseDomain(domainName).flatMap(domains::findByName);
        Optional<DomainUser> user =
                domain.flatMap(
                        d -> parseLogin(login).flatMap(l -> domainUsers.findByLogin(d.id(), l)));
        if (user.isEmpty() || user.get().email() == null || !user.get().isActive()) {
            LOG.info("Password recovery requested for an unknown account or one without e-mail");
            return;
        }
        DomainUser u = user.get();
        Instant now = clock.instant();
        if (tokens.countIssuedSince(
                        TokenPurpose.PASSWORD_RECOVERY, u.id(), now.minus(Duration.ofHours(1)))
                >= RECOVERY_MAILS_PER_HOUR) {
            LOG.warning("Password recovery rate limit reached for a domain user; no mail sent");
            return;
        }
        TokenIssuer.IssuedToken issued = tokenIssuer.issue();
        tokens.add(
                new OneTimeToken(
                        TokenPurpose.PASSWORD_RECOVERY,
                        issued.digest(),
                        domain.get().id(),
                        u.id(),
                        "recovery:" + caller.clientAddress(),
                        now));
        notifications.send(
                new Notification(
                        u.email().value(),
                        "passwordRecovery",
                        locale,
                        Map.of(
                                "displayName", u.displayName(),
                                "login", u.login().value(),
                                "domain", domain.get().name().value(),
                                "hours",
                                        Long.toString(
                                                TokenPurpose.PASSWORD_RECOVERY
                                                        .lifetime()
                                                        .toHours()),
                                "link",
                                        settings.publicBaseUrl()
                                                + "/domain/reset.xhtml?token="
                                                + issued.token())));
    }

    @Override
    public boolean isRecoveryLinkUsable(String token) {
        return findRecoveryToken(token).filter(t -> t.isRedeemable(clock.instant())).isPresent();
    }

    @Override
    public void resetPassword(String token, String newPassword, String repeat) {
        OneTimeToken recovery =
                findRecoveryToken(token)
                        .orElseThrow(() -> new RuleViolation("error.token.invalid"));
        Instant now = clock.instant();
        if (!recovery.isRedeemable(now)) {
            recovery.redeem(now); // throws the precise reason: used or expired
        }
        PasswordPolicy.checkWithRepeat(newPassword, repeat);
        DomainUser user =
                domainUsers
                        .findInDomain(recovery.domainId(), recovery.subjectId())
                        .orElseThrow(() -> new RuleViolation("error.token.invalid"));
        if (!user.isActive()) {
            throw new RuleViolation("error.account.blocked");
        }
        recovery.redeem(now);
        user.changePasswordHash(hasher.hash(newPassword));
        Domain domain = domains.findById(recovery.domainId()).orElseThrow();
        throttle.forget(
                "domain:" + domain.name().value() + ":" + user.login().value(),
                caller.clientAddress());
        auditTrail.recordAs(
                ActorRef.domainUser(domain.id(), user.id()),
                AuditObjectType.DOMAIN_USER,
                user.login().value(),
                AuditAction.EDIT,
                null,
                domain.id(),
                AuditChanges.create().secretChanged("password"));
    }

    @Override
    @RolesAllowed({Roles.OPERATOR, Roles.POOL_ADMIN, Roles.DOMAIN_USER})
    public void changeMyPassword(String currentPassword, String newPassword, String repeat) {
        ActorRef actor = caller.actor();
        MyAccount me = myAccount(actor);
        String key = "password-change:" + actor.principalName();
        String address = caller.clientAddress();
        if (throttle.lockedUntil(key, address).isPresent()) {
            throw RuleViolation.onField("currentPassword", "error.password.tooManyAttempts");
        }
        if (!hasher.verify(currentPassword, me.passwordHash())) {
            boolean nowLocked = throttle.recordFailure(key, address).isPresent();
            throw RuleViolation.onField(
                    "currentPassword",
                    nowLocked ? "error.password.tooManyAttempts" : "error.password.currentWrong");
        }
        throttle.forget(key, address);
        PasswordPolicy.checkWithRepeat(newPassword, repeat);
        me.newHash().accept(hasher.hash(newPassword));
        auditTrail.record(
                me.type(),
                me.login(),
                AuditAction.EDIT,
                me.poolId(),
                me.domainId(),
                AuditChanges.create().secretChanged("password"));
    }

    /** The caller's own account, whichever console they are in. */
    private MyAccount myAccount(ActorRef actor) {
        switch (actor.kind()) {
            case OPERATOR -> {
                PlatformOperator o = operators.findById(actor.accountId()).orElseThrow();
                return new MyAccount(
                        o.passwordHash(),
                        o::changePasswordHash,
                        AuditObjectType.OPERATOR,
                        o.login().value(),
                        null,
                        null);
            }
            case POOL_ADMIN -> {
                PoolAdmin a = poolAdmins.findById(actor.accountId()).orElseThrow();
                return new MyAccount(
                        a.passwordHash(),
                        a::changePasswordHash,
                        AuditObjectType.POOL_ADMIN,
                        a.login().value(),
                        a.pool().id(),
                        null);
            }
            case DOMAIN_USER -> {
                DomainUser u =
                        domainUsers.findInDomain(actor.domainId(), actor.accountId()).orElseThrow();
                return new MyAccount(
                        u.passwordHash(),
                        u::changePasswordHash,
                        AuditObjectType.DOMAIN_USER,
                        u.login().value(),
                        null,
                        actor.domainId());
            }
            default -> throw new AccessDenied("error.accessDenied");
        }
    }

    private record MyAccount(
            String passwordHash,
            Consumer<String> newHash,
            AuditObjectType type,
            String login,
            Long poolId,
            Long domainId) {}

    private Optional<OneTimeToken> findRecoveryToken(String token) {
        return tokenIssuer
                .digestOf(token)
                .flatMap(digest -> tokens.findByDigest(TokenPurpose.PASSWORD_RECOVERY, digest));
    }

    /**
     * Runs a credential check unless the account is locked for this address, counting failures and
     * locking when the policy says so.
     */
    private LoginResult throttled(String accountKey, Supplier<LoginResult> check) {
        String address = caller.clientAddress();
        Optional<Instant> locked = throttle.lockedUntil(accountKey, address);
        if (locked.isPresent()) {
            return LoginResult.locked(locked.get());
        }
        LoginResult result = check.get();
        if (result.outcome() == Outcome.INVALID_CREDENTIALS) {
            Optional<Instant> nowLocked = throttle.recordFailure(accountKey, address);
            if (nowLocked.isPresent()) {
                return LoginResult.locked(nowLocked.get());
            }
        } else if (result.isSuccess()) {
            throttle.forget(accountKey, address);
        }
        return result;
    }

    private static Optional<Login> parseLogin(String login) {
        try {
            return Optional.of(new Login(login));
        } catch (RuleViolation invalid) {
            return Optional.empty();
        }
    }

    private static Optional<SipDomainName> parseDomain(String name) {
        try {
            return Optional.of(new SipDomainName(name));
        } catch (RuleViolation invalid) {
            return Optional.empty();
        }
    }
}

package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.pool.PoolAdminForm;
import io.vpbx.application.pool.PoolAdminView;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.ProfileForm;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.AccountStatus;
import io.vpbx.model.tenancy.DomainSubgroup;
import io.vpbx.model.tenancy.DomainSubgroupRepository;
import io.vpbx.model.tenancy.PoolAdmin;
import io.vpbx.model.tenancy.PoolAdminRepository;
import io.vpbx.model.tenancy.PoolRole;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pool's administrators (spec A §2.9) and every admin's own profile (BR-43).
 *
 * <p>Self-protection (BR-58): a supervisor cannot delete or block their own account. Since only an
 * active supervisor can block or delete admins, this alone guarantees that a pool never loses its
 * last active supervisor, without whom nobody could manage its admins any more.
 */
@Stateless
@RolesAllowed(Roles.POOL_SUPERVISOR)
public class DefaultPoolAdminsService implements PoolAdminsService {
    @Inject private PoolAdminSession session;
    @Inject private PoolAdminRepository poolAdmins;
    @Inject private DomainSubgroupRepository subgroups;
    @Inject private PasswordHasher hasher;
    @Inject private CredentialMails credentialMails;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public List<PoolAdminView> listAdmins() {
        PoolAdmin me = session.currentSupervisor();
        return poolAdmins.listByPool(me.pool().id()).stream()
                .map(DefaultPoolAdminsService::view)
                .toList();
    }

    @Override
    public List<SubgroupNode> grantableSubgroups() {
        PoolAdmin me = session.currentSupervisor();
        return subgroups.listByPool(me.pool().id()).stream()
                .map(
                        s ->
                                new SubgroupNode(
                                        s.id(),
                                        s.name(),
                                        s.isSystem(),
                                        true,
                                        s.version(),
                                        0,
                                        List.of()))
                .toList();
    }

    @Override
    public long createAdmin(PoolAdminForm form) {
        PoolAdmin me = session.currentSupervisor();
        Login login = new Login(form.login());
        if (poolAdmins.findByLogin(login).isPresent()) {
            throw RuleViolation.onField("login", "error.login.taken");
        }
        PasswordPolicy.checkWithRepeat(form.password(), form.passwordRepeat());
        PoolRole role = form.supervisor() ? PoolRole.SUPERVISOR : PoolRole.SUBGROUP_ADMIN;
        PoolAdmin admin =
                new PoolAdmin(
                        me.pool(),
                        login,
                        form.displayName(),
                        new EmailAddress(form.email()),
                        form.phone(),
                        hasher.hash(form.password()),
                        role,
                        form.blocked() ? AccountStatus.BLOCKED : AccountStatus.ACTIVE,
                        clock.instant());
        admin.grantSubgroups(
                role == PoolRole.SUPERVISOR ? Set.of() : resolve(me, form.subgroupIds()));
        poolAdmins.add(admin);
        auditTrail.record(
                AuditObjectType.POOL_ADMIN,
                admin.login().value(),
                AuditAction.ADD,
                me.pool().id(),
                null,
                AuditChanges.create()
                        .set("displayName", admin.displayName())
                        .set("email", admin.email())
                        .set("phone", admin.phone())
                        .set("role", admin.role())
                        .set("status", admin.status())
                        .set("subgroups", names(admin.allowedSubgroups()))
                        .secretChanged("password"));
        if (form.sendCredentials()) {
            credentialMails.poolAdmin(
                    me.pool(),
                    admin.email().value(),
                    admin.displayName(),
                    login.value(),
                    form.password(),
                    true,
                    form.mailLocale());
        }
        return admin.id();
    }

    @Override
    public void editAdmin(long adminId, long loadedVersion, PoolAdminForm form) {
        PoolAdmin me = session.currentSupervisorExclusively();
        PoolAdmin admin = find(me, adminId);
        ConcurrentEdit.check(loadedVersion, admin.version());
        String name = admin.displayName();
        EmailAddress email = admin.email();
        String phone = admin.phone();
        AccountStatus status = admin.status();
        String granted = names(admin.allowedSubgroups());

        admin.changeProfile(form.displayName(), new EmailAddress(form.email()), form.phone());
        AccountStatus newStatus = form.blocked() ? AccountStatus.BLOCKED : AccountStatus.ACTIVE;
        if (newStatus == AccountStatus.BLOCKED && admin.id().equals(me.id())) {
            throw RuleViolation.onField("blocked", "error.poolAdmin.selfBlock");
        }
        admin.changeStatus(newStatus);
        if (!admin.isSupervisor()) {
            admin.grantSubgroups(resolve(me, form.subgroupIds()));
        }
        boolean passwordChanged = form.password() != null && !form.password().isEmpty();
        if (passwordChanged) {
            PasswordPolicy.checkWithRepeat(form.password(), form.passwordRepeat());
            admin.changePasswordHash(hasher.hash(form.password()));
        }

        AuditChanges changes =
                AuditChanges.create()
                        .changed("displayName", name, admin.displayName())
                        .changed("email", email, admin.email())
                        .changed("phone", phone, admin.phone())
                        .changed("status", status, admin.status())
                        .changed("subgroups", granted, names(admin.allowedSubgroups()));
        if (passwordChanged) {
            changes.secretChanged("password");
        }
        if (!changes.isEmpty()) {
            auditTrail.record(
                    AuditObjectType.POOL_ADMIN,
                    admin.login().value(),
                    AuditAction.EDIT,
                    me.pool().id(),
                    null,
                    changes);
        }
        if (form.sendCredentials()) {
            credentialMails.poolAdmin(
                    me.pool(),
                    admin.email().value(),
                    admin.displayName(),
                    admin.login().value(),
                    passwordChanged ? form.password() : null,
                    false,
                    form.mailLocale());
        }
    }

    @Override
    public void deleteAdmin(long adminId) {
        PoolAdmin me = session.currentSupervisorExclusively();
        PoolAdmin admin = find(me, adminId);
        if (admin.id().equals(me.id())) {
            throw new RuleViolation("error.poolAdmin.selfDelete");
        }
        poolAdmins.remove(admin);
        auditTrail.record(
                AuditObjectType.POOL_ADMIN,
                admin.login().value(),
                AuditAction.DELETE,
                me.pool().id(),
                null,
                AuditChanges.create()
                        .changed("displayName", admin.displayName(), null)
                        .changed("role", admin.role(), null));
    }

    @Override
    @RolesAllowed(Roles.POOL_ADMIN)
    public PoolAdminView myProfile() {
        return view(session.current());
    }

    @Override
    @RolesAllowed(Roles.POOL_ADMIN)
    public void editMyProfile(long loadedVersion, ProfileForm form) {
        PoolAdmin me = session.current();
        ConcurrentEdit.check(loadedVersion, me.version());
        String name = me.displayName();
        EmailAddress email = me.email();
        String phone = me.phone();
        me.changeProfile(form.displayName(), new EmailAddress(form.email()), form.phone());
        AuditChanges changes =
                AuditChanges.create()
                        .changed("displayName", name, me.displayName())
                        .changed("email", email, me.email())
                        .changed("phone", phone, me.phone());
        if (form.password() != null && !form.password().isEmpty()) {
            PasswordPolicy.checkWithRepeat(form.password(), form.passwordRepeat());
            me.changePasswordHash(hasher.hash(form.password()));
            changes.secretChanged("password");
        }
        if (!changes.isEmpty()) {
            auditTrail.record(
                    AuditObjectType.POOL_ADMIN,
                    me.login().value(),
                    AuditAction.EDIT,
                    me.pool().id(),
                    null,
                    changes);
        }
    }

    private Set<DomainSubgroup> resolve(PoolAdmin me, Set<Long> subgroupIds) {
        return subgroupIds.stream()
                .map(
                        id ->
                                subgroups
                                        .findInPool(me.pool().id(), id)
                                        .orElseThrow(() -> new NotFound("subgroup")))
                .collect(Collectors.toSet());
    }

    private PoolAdmin find(PoolAdmin me, long adminId) {
        return poolAdmins
                .findInPool(me.pool().id(), adminId)
                .orElseThrow(() -> new NotFound("admin"));
    }

    static String names(Set<DomainSubgroup> subgroups) {
        return subgroups.stream()
                .map(DomainSubgroup::name)
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static PoolAdminView view(PoolAdmin a) {
        List<DomainSubgroup> granted =
                a.allowedSubgroups().stream()
                        .sorted(Comparator.comparing(DomainSubgroup::name))
                        .toList();
        return new PoolAdminView(
                a.id(),
                a.login().value(),
                a.displayName(),
                a.email().value(),
                a.phone(),
                a.role(),
                a.status(),
                granted.stream().map(DomainSubgroup::id).collect(Collectors.toSet()),
                granted.stream().map(DomainSubgroup::name).toList(),
                a.version());
    }
}

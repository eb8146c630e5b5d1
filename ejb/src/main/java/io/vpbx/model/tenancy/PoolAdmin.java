package io.vpbx.model.tenancy;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An administrator of a pool console. Login and role are fixed at creation (spec A BR-43, BR-56);
 * the admin edits their own name, e-mail, phone and password; a supervisor can block them and, for
 * a subgroup admin, choose the subgroups they manage.
 */
@Entity
@Table(name = "pool_admin")
public class PoolAdmin {
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,32}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pool_id", nullable = false, updatable = false)
    private Pool pool;

    @Column(name = "login", nullable = false, updatable = false, length = 64)
    private String login;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "phone", length = 32)
    private String phone;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false, length = 16)
    private PoolRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "pool_admin_subgroup",
            joinColumns = @JoinColumn(name = "pool_admin_id"),
            inverseJoinColumns = @JoinColumn(name = "subgroup_id"))
    private Set<DomainSubgroup> allowedSubgroups = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PoolAdmin() {}

    public PoolAdmin(
            Pool pool,
            Login login,
            String displayName,
            EmailAddress email,
            String phone,
            String passwordHash,
            PoolRole role,
            AccountStatus status,
            Instant createdAt) {
        this.pool = Objects.requireNonNull(pool);
        this.login = login.value();
        this.role = Objects.requireNonNull(role);
        this.status = Objects.requireNonNull(status);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = createdAt;
        changeProfile(displayName, email, phone);
    }

    /** The fields an admin may change on their own profile (spec A BR-43). */
    public void changeProfile(String newDisplayName, EmailAddress newEmail, String newPhone) {
        this.displayName = DisplayText.require("displayName", newDisplayName, 128);
        this.email = Objects.requireNonNull(newEmail).value();
        String trimmedPhone = newPhone == null ? null : newPhone.strip();
        if (trimmedPhone != null
                && !trimmedPhone.isEmpty()
                && !PHONE.matcher(trimmedPhone).matches()) {
            throw RuleViolation.onField("phone", "error.phone.invalid");
        }
        this.phone = trimmedPhone == null || trimmedPhone.isEmpty() ? null : trimmedPhone;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void changeStatus(AccountStatus newStatus) {
        this.status = Objects.requireNonNull(newStatus);
    }

    /**
     * Replaces the subgroups this admin manages. Only subgroup admins have them; every subgroup
     * must belong to the admin's own pool.
     */
    public void grantSubgroups(Collection<DomainSubgroup> subgroups) {
        if (role == PoolRole.SUPERVISOR && !subgroups.isEmpty()) {
            throw new RuleViolation("error.poolAdmin.supervisorHasAllSubgroups");
        }
        for (DomainSubgroup subgroup : subgroups) {
            if (!subgroup.pool().id().equals(pool.id())) {
                throw new RuleViolation("error.subgroup.otherPool");
            }
        }
        allowedSubgroups.clear();
        allowedSubgroups.addAll(subgroups);
    }

    /** Forgets a subgroup that is being deleted. */
    public void revokeSubgroup(DomainSubgroup subgroup) {
        allowedSubgroups.removeIf(s -> s.id().equals(subgroup.id()));
    }

    /**
     * Whether this admin may rename or jump into the given domain: a supervisor for every domain of
     * the pool, a subgroup admin only for domains in a granted subgroup (spec A BR-53).
     */
    public boolean manages(Domain domain) {
        if (domain.pool() == null || !domain.pool().id().equals(pool.id())) {
            return false;
        }
        if (role == PoolRole.SUPERVISOR) {
            return true;
        }
        return domain.subgroup() != null
                && allowedSubgroups.stream().anyMatch(s -> s.id().equals(domain.subgroup().id()));
    }

    public boolean isSupervisor() {
        return role == PoolRole.SUPERVISOR;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public Long id() {
        return id;
    }

    public Pool pool() {
        return pool;
    }

    public Login login() {
        return new Login(login);
    }

    public String displayName() {
        return displayName;
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public PoolRole role() {
        return role;
    }

    public AccountStatus status() {
        return status;
    }

    public Set<DomainSubgroup> allowedSubgroups() {
        return Set.copyOf(allowedSubgroups);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

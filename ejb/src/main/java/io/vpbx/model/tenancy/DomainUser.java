package io.vpbx.model.tenancy;

import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * An employee of a domain ("пользователь домена"), identified by (domain, login). A domain admin is
 * a domain user with the {@link DomainUserRole#ADMIN} role: the operator creates the first one with
 * the domain, and they log in to the domain console with login, password and the domain's name
 * (spec A BR-5).
 */
@Entity
@Table(name = "domain_user")
public class DomainUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Column(name = "login", nullable = false, updatable = false, length = 64)
    private String login;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    /** «Должность»; optional. */
    @Column(name = "job_title", length = 128)
    private String jobTitle;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "extension", length = 5)
    private String extension;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private DomainUserRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    /** «Запись разговоров»: this user's calls are recorded (spec E R-REC-1). */
    @Column(name = "record_calls", nullable = false)
    private boolean recordCalls;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "music_on_hold_id")
    private Long musicOnHoldId;

    /** The employee's own «Мелодия гудка»; null: the domain's. Chosen on the user page. */
    @Column(name = "ringback_id")
    private Long ringbackId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DomainUser() {}

    public DomainUser(
            Domain domain,
            Login login,
            String displayName,
            EmailAddress email,
            String passwordHash,
            DomainUserRole role,
            Instant createdAt) {
        this.domainId = Objects.requireNonNull(domain.id());
        this.login = login.value();
        this.displayName = DisplayText.require("displayName", displayName, 128);
        this.email = email == null ? null : email.value();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = Objects.requireNonNull(role);
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    /** Gives the user an extension; uniqueness in the domain is the caller's check. */
    public void assignExtension(Extension newExtension) {
        this.extension = newExtension == null ? null : newExtension.value();
    }

    /** The user's extension; {@code null} for an admin account that takes no calls. */
    public Extension extension() {
        return extension == null ? null : new Extension(extension);
    }

    /** Renames the employee as the console and the phones' caller id show them. */
    public void rename(String newDisplayName) {
        this.displayName = DisplayText.require("displayName", newDisplayName, 128);
    }

    public void changeJobTitle(String newJobTitle) {
        this.jobTitle = DisplayText.optional("jobTitle", newJobTitle, 128);
    }

    public String jobTitle() {
        return jobTitle;
    }

    /** Makes the employee a domain admin of the console, or takes that role away. */
    public void makeAdmin(boolean admin) {
        this.role = admin ? DomainUserRole.ADMIN : DomainUserRole.USER;
    }

    public void changeEmail(EmailAddress newEmail) {
        this.email = newEmail == null ? null : newEmail.value();
    }

    /** Switches the recording of this user's calls on or off. */
    public void recordCalls(boolean record) {
        this.recordCalls = record;
    }

    public boolean recordsCalls() {
        return recordCalls;
    }

    public boolean isAdmin() {
        return role == DomainUserRole.ADMIN;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    /**
     * The user's own music on hold, overriding the domain's (spec F MOH-1); {@code null}: the
     * domain's.
     */
    public Long ringbackId() {
        return ringbackId;
    }

    public Long musicOnHoldId() {
        return musicOnHoldId;
    }

    /** Chooses one of the domain's music files for this user, or {@code null} for the domain's. */
    public void chooseMusicOnHold(AudioFile music) {
        if (music != null
                && (music.id() == null
                        || music.domainId() != domainId.longValue()
                        || music.kind() != AudioKind.MUSIC)) {
            throw new RuleViolation("error.audio.notMusic");
        }
        this.musicOnHoldId = music == null ? null : music.id();
    }

    public Long id() {
        return id;
    }

    public Long domainId() {
        return domainId;
    }

    public Login login() {
        return new Login(login);
    }

    public String displayName() {
        return displayName;
    }

    public EmailAddress email() {
        return EmailAddress.optional(email);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public DomainUserRole role() {
        return role;
    }

    public AccountStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}

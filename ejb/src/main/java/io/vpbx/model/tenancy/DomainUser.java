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
import java.time.LocalDate;
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

    /** «Группа перехвата»: at most one, of the same domain; null: none. */
    @Column(name = "pickup_group_id")
    private Long pickupGroupId;

    /** «Приветствие перед разговором»: a greeting played to callers before the phones ring. */
    @Column(name = "greeting_id")
    private Long greetingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "outgoing_restriction", nullable = false, length = 40)
    private OutgoingRestriction outgoingRestriction = OutgoingRestriction.NONE;

    /** «Период отсутствия», inclusive; both null: present. */
    @Column(name = "absent_from")
    private LocalDate absentFrom;

    @Column(name = "absent_until")
    private LocalDate absentUntil;

    @Column(name = "voicemail_to_email", nullable = false)
    private boolean voicemailToEmail;

    @Column(name = "contact_center_operator", nullable = false)
    private boolean contactCenterOperator;

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

    /** The user's own «Мелодия гудка», overriding the domain's; {@code null}: the domain's. */
    public Long ringbackId() {
        return ringbackId;
    }

    /** Chooses one of the domain's music files as this user's ringback melody, or the domain's. */
    public void chooseRingback(AudioFile music) {
        this.ringbackId = AudioFile.chosenId(music, domainId, AudioKind.MUSIC);
    }

    /** The greeting callers hear before this user's phones ring; {@code null}: none. */
    public Long greetingId() {
        return greetingId;
    }

    /** Chooses one of the domain's greetings to play before this user's phones ring, or none. */
    public void chooseGreeting(AudioFile greeting) {
        this.greetingId = AudioFile.chosenId(greeting, domainId, AudioKind.GREETING);
    }

    /** The pickup group the user is in; {@code null}: none. */
    public Long pickupGroupId() {
        return pickupGroupId;
    }

    /** Moves the user into a pickup group of their domain, out of any other; {@code null}: none. */
    public void moveToPickupGroup(PickupGroup group) {
        if (group != null && (group.id() == null || group.domainId() != domainId.longValue())) {
            throw new RuleViolation("error.pickupGroup.notFound");
        }
        this.pickupGroupId = group == null ? null : group.id();
    }

    public OutgoingRestriction outgoingRestriction() {
        return outgoingRestriction;
    }

    public void restrictOutgoing(OutgoingRestriction restriction) {
        this.outgoingRestriction = Objects.requireNonNull(restriction);
    }

    /**
     * Sets the absence period, both dates inclusive, or clears it with two nulls. An open end is
     * not allowed: an absence without an end would silently make the user unreachable forever.
     */
    public void setAbsence(LocalDate from, LocalDate until) {
        if ((from == null) != (until == null)) {
            throw RuleViolation.onField("absentUntil", "error.absence.bothDates");
        }
        if (from != null && until.isBefore(from)) {
            throw RuleViolation.onField("absentUntil", "error.absence.endBeforeStart");
        }
        this.absentFrom = from;
        this.absentUntil = until;
    }

    public LocalDate absentFrom() {
        return absentFrom;
    }

    public LocalDate absentUntil() {
        return absentUntil;
    }

    /** Whether {@code day} falls in the absence period. */
    public boolean isAbsentOn(LocalDate day) {
        return absentFrom != null && !day.isBefore(absentFrom) && !day.isAfter(absentUntil);
    }

    public boolean voicemailToEmail() {
        return voicemailToEmail;
    }

    public void sendVoicemailToEmail(boolean send) {
        this.voicemailToEmail = send;
    }

    public boolean isContactCenterOperator() {
        return contactCenterOperator;
    }

    public void makeContactCenterOperator(boolean operator) {
        this.contactCenterOperator = operator;
    }

    public Long musicOnHoldId() {
        return musicOnHoldId;
    }

    /** Chooses one of the domain's music files for this user, or {@code null} for the domain's. */
    public void chooseMusicOnHold(AudioFile music) {
        this.musicOnHoldId = AudioFile.chosenId(music, domainId, AudioKind.MUSIC);
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

package io.vpbx.model.tenancy;

import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.recording.RecordingRetention;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.IpAllowList;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A domain ("домен"): one company's virtual PBX, our tenant. Everything a company owns (users,
 * numbers, groups, recordings, balance) hangs off its domain, and every query for it filters by
 * domain.
 *
 * <p>The {@linkplain #name() name} is the technical SIP domain, fixed at creation because phones
 * and logins use it; the {@linkplain #displayName() display name} is what people see and pool
 * admins may change. A domain in a pool is always in one of the pool's subgroups ("No group" by
 * default).
 */
@Entity
@Table(name = "domain")
public class Domain {
    /** The pickup code of a new domain, as on most PBXs. */
    public static final String DEFAULT_PICKUP_CODE = "*8";

    private static final java.util.regex.Pattern PICKUP_CODE =
            java.util.regex.Pattern.compile("\\*[0-9]{1,3}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, updatable = false, length = 253)
    private String name;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(name = "company_name", nullable = false, length = 256)
    private String companyName;

    @Column(name = "app_id", nullable = false, updatable = false, length = 12)
    private String appId;

    @Column(name = "routing_number", length = 8)
    private String routingNumber;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "pool_id", updatable = false)
    private Pool pool;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "subgroup_id")
    private DomainSubgroup subgroup;

    @Column(name = "personal_account_number", length = 20)
    private String personalAccountNumber;

    @Column(name = "notification_email", length = 254)
    private String notificationEmail;

    @Column(name = "sip_allow_list", nullable = false, length = 2000)
    private String sipAllowList = "";

    @Column(name = "music_on_hold_id")
    private Long musicOnHoldId;

    @Column(name = "ringback_id")
    private Long ringbackId;

    /** «Номер перехвата» (spec B BR-27): what a member of a pickup group dials to answer. */
    @Column(name = "pickup_code", nullable = false, length = 8)
    private String pickupCode = DEFAULT_PICKUP_CODE;

    @Enumerated(EnumType.STRING)
    @Column(name = "recording_retention", nullable = false, length = 16)
    private RecordingRetention recordingRetention = RecordingRetention.ONE_MONTH;

    /** The domain default: record every call, whatever the users' own flags say. */
    @Column(name = "record_all_calls", nullable = false)
    private boolean recordAllCalls;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24)
    private DomainStatus status;

    @Embedded private DomainLimits limits;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Domain() {}

    /**
     * A new active domain. {@code noGroup} must be the pool's system subgroup when a pool is given,
     * and {@code null} otherwise.
     */
    public Domain(
            SipDomainName name,
            String displayName,
            String companyName,
            AppId appId,
            Pool pool,
            DomainSubgroup noGroup,
            DomainLimits limits,
            Instant createdAt) {
        this.name = name.value();
        this.displayName = DisplayText.require("displayName", displayName, 128);
        this.companyName = DisplayText.require("companyName", companyName, 256);
        this.appId = appId.value();
        if ((pool == null) != (noGroup == null)
                || (noGroup != null && (!noGroup.isSystem() || noGroup.pool() != pool))) {
            throw new IllegalArgumentException("a pooled domain starts in its pool's 'No group'");
        }
        this.pool = pool;
        this.subgroup = noGroup;
        this.limits = Objects.requireNonNull(limits);
        this.status = DomainStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    /** Changes what people see; the SIP domain stays as it is. */
    public void rename(String newDisplayName) {
        this.displayName = DisplayText.require("displayName", newDisplayName, 128);
    }

    public void changeCompanyName(String newCompanyName) {
        this.companyName = DisplayText.require("companyName", newCompanyName, 256);
    }

    /**
     * Sets or clears the routing number. A domain outside any pool has nobody to dial it, so it may
     * not have one. Uniqueness within the pool is the caller's check (it needs the other domains).
     */
    public void assignRoutingNumber(RoutingNumber number) {
        if (number != null && pool == null) {
            throw RuleViolation.onField("routingNumber", "error.routingNumber.noPool");
        }
        this.routingNumber =
                number == null ? null : number.requireLength(pool.routingNumberLength()).value();
    }

    /** Moves the domain to another subgroup of its own pool. */
    public void moveTo(DomainSubgroup target) {
        if (pool == null || target.pool() == null || !target.pool().id().equals(pool.id())) {
            throw new RuleViolation("error.subgroup.otherPool");
        }
        this.subgroup = target;
    }

    public void changeLimits(DomainLimits newLimits) {
        this.limits = Objects.requireNonNull(newLimits);
    }

    public void changeNotificationEmail(EmailAddress email) {
        this.notificationEmail = email == null ? null : email.value();
    }

    /** The addresses the domain's phones may register from; empty allows any. */
    public void changeSipAllowList(IpAllowList list) {
        this.sipAllowList = list.toString();
    }

    /**
     * The music a held party hears in this domain (spec F MOH-1), unless a user chose their own;
     * {@code null}: the built-in default music.
     */
    public Long musicOnHoldId() {
        return musicOnHoldId;
    }

    /** Chooses one of the domain's own music files, or {@code null} for the built-in music. */
    public void chooseMusicOnHold(AudioFile music) {
        this.musicOnHoldId = AudioFile.chosenId(music, id, AudioKind.MUSIC);
    }

    /**
     * The melody callers hear instead of ringback while an employee's phones ring («Мелодия
     * гудка»), unless the employee chose their own; {@code null}: the ringback tone of the caller's
     * phone.
     */
    public Long ringbackId() {
        return ringbackId;
    }

    /** Chooses one of the domain's own music files as the ringback melody, or none. */
    public void chooseRingback(AudioFile music) {
        this.ringbackId = AudioFile.chosenId(music, id, AudioKind.MUSIC);
    }

    /** The code employees dial to pick up a call ringing in their pickup group. */
    public String pickupCode() {
        return pickupCode;
    }

    /**
     * Sets the pickup code: a star and one to three digits, so it can never be an extension
     * (extensions are digits only).
     */
    public void changePickupCode(String code) {
        if (code == null || !PICKUP_CODE.matcher(code.strip()).matches()) {
            throw RuleViolation.onField("pickupCode", "error.pickupCode.format");
        }
        this.pickupCode = code.strip();
    }

    public IpAllowList sipAllowList() {
        return IpAllowList.parse(sipAllowList);
    }

    /**
     * How long the domain keeps call recordings. Existing recordings follow the new retention too
     * (the caller recomputes their expiry).
     */
    public void changeRecordingRetention(RecordingRetention retention) {
        this.recordingRetention = Objects.requireNonNull(retention);
    }

    public RecordingRetention recordingRetention() {
        return recordingRetention;
    }

    /** Whether all of the domain's calls are recorded by default. */
    public void recordAllCalls(boolean recordAll) {
        this.recordAllCalls = recordAll;
    }

    public boolean recordsAllCalls() {
        return recordAllCalls;
    }

    public void changePersonalAccountNumber(String number) {
        String trimmed = number == null ? null : number.strip();
        if (trimmed != null && !trimmed.isEmpty() && !trimmed.matches("[0-9]{1,20}")) {
            throw RuleViolation.onField("personalAccountNumber", "error.personalAccount.digits");
        }
        this.personalAccountNumber = trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    public void changeStatus(DomainStatus newStatus) {
        this.status = Objects.requireNonNull(newStatus);
    }

    public boolean isInSubgroup(Long subgroupId) {
        return subgroup != null && subgroup.id().equals(subgroupId);
    }

    public Long id() {
        return id;
    }

    public SipDomainName name() {
        return new SipDomainName(name);
    }

    public String displayName() {
        return displayName;
    }

    public String companyName() {
        return companyName;
    }

    public AppId appId() {
        return new AppId(appId);
    }

    public RoutingNumber routingNumber() {
        return RoutingNumber.optional(routingNumber);
    }

    public Pool pool() {
        return pool;
    }

    public DomainSubgroup subgroup() {
        return subgroup;
    }

    public String personalAccountNumber() {
        return personalAccountNumber;
    }

    public EmailAddress notificationEmail() {
        return EmailAddress.optional(notificationEmail);
    }

    public DomainStatus status() {
        return status;
    }

    public DomainLimits limits() {
        return limits;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

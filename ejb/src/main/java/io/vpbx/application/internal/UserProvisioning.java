package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.SecretBox;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.application.users.UserChanges;
import io.vpbx.application.users.UserDetails;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupMember;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioFileRepository;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.model.shared.ConcurrentEdit;
import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.DomainUserRole;
import io.vpbx.model.tenancy.Extension;
import io.vpbx.model.tenancy.OutgoingRestriction;
import io.vpbx.model.tenancy.PickupGroup;
import io.vpbx.model.tenancy.PickupGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates employees and their SIP numbers, for the domain console and for the demo installation.
 * Every check that keeps a domain consistent is here: the user limit, unique login and extension, a
 * unique generated SIP login.
 */
@ApplicationScoped
class UserProvisioning {
    private static final String SIP_PASSWORD_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int SIP_PASSWORD_LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private RegistrationStore registrations;
    @Inject private PasswordHasher hasher;
    @Inject private SecretBox secrets;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;
    @Inject private PlatformSettings settings;
    @Inject private PickupGroupRepository pickupGroups;
    @Inject private AudioFileRepository audioFiles;
    @Inject private CredentialMails credentialMails;
    @Inject private NumberingPlan numberingPlan;
    @Inject private CallGroupRepository callGroups;
    @Inject private CallGroupProvisioning callGroupProvisioning;

    long create(long domainId, NewDomainUser request, ActorRef actor) {
        if (request.sendCredentials() && EmailAddress.optional(request.email()) == null) {
            throw RuleViolation.onField("email", "error.user.credentialsNeedEmail");
        }
        long userId;
        if (request.password() != null) {
            PasswordPolicy.check(request.password());
            userId = create(domainId, request, actor, hasher.hash(request.password()));
        } else {
            // No console password yet: nobody knows this one; the user sets their own through
            // password recovery.
            userId = create(domainId, request, actor, unusableHash());
        }
        if (request.sendCredentials()) {
            mailCredentials(domainId, userId, request.password(), request.mailLocale(), actor);
        }
        return userId;
    }

    /**
     * E-mails the user their console login (with {@code consolePassword} when one was just set) and
     * their SIP credentials, to set up a phone. Refused when the user has no e-mail.
     */
    void mailCredentials(
            long domainId, long userId, String consolePassword, Locale locale, ActorRef actor) {
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        if (user.email() == null) {
            throw RuleViolation.onField("email", "error.user.credentialsNeedEmail");
        }
        SipNumber number =
                numbers.findByUser(domainId, userId).orElseThrow(() -> new NotFound("sipNumber"));
        credentialMails.employee(
                domain,
                user,
                consolePassword,
                number.login(),
                secrets.open(number.passwordSecret()),
                settings.sipPort(),
                locale);
        auditTrail.userEdited(
                actor,
                user,
                AuditChanges.create().set("credentialsMailedTo", user.email().value()));
    }

    /**
     * Creates a user whose console password hash is given (an unusable one: the hash of a random
     * password nobody kept). Bulk creation hashes once instead of once per user.
     */
    long create(long domainId, NewDomainUser request, ActorRef actor, String unusableHash) {
        Domain domain = domains.lock(domainId).orElseThrow(() -> new NotFound("domain"));
        Extension extension = new Extension(request.extension());
        Login login = new Login(request.login());
        EmailAddress email = EmailAddress.optional(request.email());
        DisplayText.require("displayName", request.displayName(), 128);
        DisplayText.optional("jobTitle", request.jobTitle(), 128);
        if (users.countByDomain(domainId) >= domain.limits().maxUsers()) {
            throw new RuleViolation("error.limit.usersReached", domain.limits().maxUsers());
        }
        if (users.findByLogin(domainId, login).isPresent()) {
            throw RuleViolation.onField("login", "error.login.taken");
        }
        numberingPlan.requireFree(domainId, extension, null, null);
        DomainUser user =
                users.add(
                        new DomainUser(
                                domain,
                                login,
                                request.displayName(),
                                email,
                                unusableHash,
                                DomainUserRole.USER,
                                clock.instant()));
        user.assignExtension(extension);
        user.changeJobTitle(request.jobTitle());
        user.recordCalls(request.recordCalls());
        user.makeAdmin(request.admin());
        user.sendVoicemailToEmail(request.voicemailToEmail());
        user.makeContactCenterOperator(request.operator());
        SipNumber number =
                numbers.add(
                        new SipNumber(
                                domainId,
                                user.id(),
                                freeSipLogin(domainId),
                                secrets.seal(randomText(SIP_PASSWORD_LENGTH))));
        auditTrail.recordAs(
                actor,
                AuditObjectType.DOMAIN_USER,
                user.login().value(),
                AuditAction.ADD,
                null,
                domainId,
                AuditChanges.create()
                        .set("displayName", user.displayName())
                        .set("extension", extension.value())
                        .set("email", user.email())
                        .set("jobTitle", user.jobTitle())
                        .set("recordCalls", user.recordsCalls())
                        .set("voicemailToEmail", user.voicemailToEmail())
                        .set("operator", user.isContactCenterOperator())
                        .set("role", user.role())
                        .set("sipLogin", number.login())
                        .secretChanged("sipPassword"));
        if (!request.callGroupIds().isEmpty()) {
            // In the same transaction: a group of another domain or one deleted meanwhile refuses
            // the whole creation, and nothing is saved (BR-17).
            List<CallGroup> joined =
                    request.callGroupIds().stream()
                            .distinct()
                            .map(
                                    id ->
                                            callGroups
                                                    .findInDomain(domainId, id)
                                                    .orElseThrow(
                                                            () ->
                                                                    RuleViolation.onField(
                                                                            "callGroups",
                                                                            "error.callGroup.notFound")))
                            .toList();
            callGroupProvisioning.setGroups(user, joined, actor);
        }
        return user.id();
    }

    SipCredentials credentials(long domainId, long userId) {
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        SipNumber number =
                numbers.findByUser(domainId, userId).orElseThrow(() -> new NotFound("sipNumber"));
        return new SipCredentials(
                user.extension() == null ? null : user.extension().value(),
                number.login(),
                secrets.open(number.passwordSecret()),
                domain.name().value(),
                number.deviceLimit(),
                number.channelLimit());
    }

    List<RegistrationRow> registrations(long domainId) {
        Instant now = clock.instant();
        Map<Long, List<SipRegistration>> bySipNumber =
                registrations.activeInDomain(domainId, now).stream()
                        .collect(Collectors.groupingBy(SipRegistration::sipNumberId));
        List<RegistrationRow> rows = new ArrayList<>();
        Map<Long, DomainUser> usersById =
                users.listInDomain(domainId).stream()
                        .collect(Collectors.toMap(DomainUser::id, u -> u));
        for (SipNumber number : numbers.listInDomain(domainId)) {
            DomainUser user = usersById.get(number.userId());
            String extension =
                    user == null || user.extension() == null ? null : user.extension().value();
            String name = user == null ? null : user.displayName();
            List<SipRegistration> bound = bySipNumber.getOrDefault(number.id(), List.of());
            if (bound.isEmpty()) {
                rows.add(registrationRow(extension, name, number, null));
            }
            for (SipRegistration r : bound) {
                rows.add(registrationRow(extension, name, number, r));
            }
        }
        rows.sort(
                Comparator.comparing(
                        RegistrationRow::extension,
                        Comparator.nullsLast(
                                Comparator.comparingInt(String::length)
                                        .thenComparing(Comparator.naturalOrder()))));
        return rows;
    }

    /** The user's SIP number's registered devices, as the registrations tables show them. */
    List<RegistrationRow> devicesOf(DomainUser user, SipNumber number) {
        String extension = user.extension() == null ? null : user.extension().value();
        return registrations.active(number.id(), clock.instant()).stream()
                .map(r -> registrationRow(extension, user.displayName(), number, r))
                .toList();
    }

    /** A number with one registered device, or the number alone when {@code r} is null. */
    private static RegistrationRow registrationRow(
            String extension, String name, SipNumber number, SipRegistration r) {
        return new RegistrationRow(
                extension,
                name,
                number.login(),
                number.deviceLimit(),
                r == null ? null : r.contactUri(),
                r == null ? null : r.sourceAddress() + ":" + r.sourcePort() + "/" + r.transport(),
                r == null ? null : r.userAgent(),
                r == null ? null : r.expiresAt());
    }

    /** Sets a SIP number's password (sealed); the phone must then register with the new one. */
    void changeSipPassword(long domainId, long userId, String password, ActorRef actor) {
        if (password == null || password.length() < 6 || password.length() > 64) {
            throw RuleViolation.onField("sipPassword", "error.password.tooShort", 6);
        }
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        SipNumber number =
                numbers.findByUser(domainId, userId).orElseThrow(() -> new NotFound("sipNumber"));
        number.changePasswordSecret(secrets.seal(password));
        auditTrail.userEdited(actor, user, AuditChanges.create().secretChanged("sipPassword"));
    }

    /** The hash of a random password nobody keeps: an account that cannot log in to a console. */
    String unusableHash() {
        return hasher.hash(randomText(SIP_PASSWORD_LENGTH * 2));
    }

    void changeSipNumber(long domainId, long userId, SipNumberSettings settings, ActorRef actor) {
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        SipNumber number =
                numbers.findByUser(domainId, userId).orElseThrow(() -> new NotFound("sipNumber"));
        int devices = number.deviceLimit();
        int channels = number.channelLimit();
        boolean enabled = number.isEnabled();
        boolean md5Only = number.isMd5Only();
        int ring = number.ringSeconds();
        int maxChannels = maxChannels(domainId);
        if (settings.channelLimit() > maxChannels) {
            throw RuleViolation.onField("channelLimit", "error.limit.range", 1, maxChannels);
        }
        number.changeLimits(settings.deviceLimit(), settings.channelLimit());
        number.changeRingSeconds(settings.ringSeconds());
        number.enable(settings.enabled());
        number.offerMd5Only(settings.md5Only());
        if (enabled && !number.isEnabled()) {
            // A disabled number keeps no phones: calls stop reaching them now, not when they
            // expire,
            // and their next REGISTER is refused (the directory sees the number disabled).
            registrations.dropAll(number.id());
        }
        AuditChanges changes =
                AuditChanges.create()
                        .changed("deviceLimit", devices, number.deviceLimit())
                        .changed("channelLimit", channels, number.channelLimit())
                        .changed("sipEnabled", enabled, number.isEnabled())
                        .changed("md5Only", md5Only, number.isMd5Only())
                        .changed("ringSeconds", ring, number.ringSeconds());
        if (!changes.isEmpty()) {
            auditTrail.userEdited(actor, user, changes);
        }
    }

    /** The most channels one number may have: the model's limit, within the domain's. */
    private int maxChannels(long domainId) {
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        return Math.max(1, Math.min(SipNumber.MAX_CHANNEL_LIMIT, domain.limits().maxChannels()));
    }

    long count(long domainId, String search) {
        return users.countMatching(domainId, search);
    }

    long countAll(long domainId) {
        return users.countByDomain(domainId);
    }

    /** The lowest extension that no user or call group of the domain has. */
    String nextFreeExtension(long domainId) {
        return numberingPlan.nextFree(domainId);
    }

    UserDetails details(long domainId, long userId) {
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        SipNumber number =
                numbers.findByUser(domainId, userId).orElseThrow(() -> new NotFound("sipNumber"));
        String extension = user.extension() == null ? null : user.extension().value();
        List<RegistrationRow> bound = devicesOf(user, number);
        return new UserDetails(
                user.id(),
                user.version(),
                user.login().value(),
                user.displayName(),
                extension,
                user.jobTitle(),
                user.email() == null ? null : user.email().value(),
                user.recordsCalls(),
                user.isAdmin(),
                user.voicemailToEmail(),
                user.isContactCenterOperator(),
                user.outgoingRestriction(),
                user.absentFrom(),
                user.absentUntil(),
                user.isAbsentOn(today()),
                user.greetingId(),
                user.ringbackId(),
                user.musicOnHoldId(),
                user.pickupGroupId() == null
                        ? null
                        : pickupGroups
                                .findInDomain(domainId, user.pickupGroupId())
                                .map(PickupGroup::name)
                                .orElse(null),
                number.login(),
                domain.name().value(),
                settings.sipPort(),
                new SipNumberSettings(
                        number.deviceLimit(),
                        number.channelLimit(),
                        number.isEnabled(),
                        number.isMd5Only(),
                        number.ringSeconds()),
                maxChannels(domainId),
                bound);
    }

    void change(long domainId, long userId, UserChanges changes, ActorRef actor) {
        DomainUser user =
                users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
        ConcurrentEdit.check(changes.version(), user.version());
        Extension extension = new Extension(changes.extension());
        EmailAddress email = EmailAddress.optional(changes.email());
        numberingPlan.requireFree(domainId, extension, user.id(), null);
        if (user.isAdmin() && !changes.admin() && isSelf(actor, userId)) {
            throw RuleViolation.onField("admin", "error.user.cannotDemoteSelf");
        }
        String name = user.displayName();
        String ext = user.extension() == null ? null : user.extension().value();
        String title = user.jobTitle();
        Object mail = user.email();
        boolean record = user.recordsCalls();
        Object role = user.role();
        boolean voicemailToEmail = user.voicemailToEmail();
        boolean operator = user.isContactCenterOperator();
        Object restriction = user.outgoingRestriction();
        Object absentFrom = user.absentFrom();
        Object absentUntil = user.absentUntil();
        Object greeting = audioName(domainId, user.greetingId());
        Object ringback = audioName(domainId, user.ringbackId());
        Object musicOnHold = audioName(domainId, user.musicOnHoldId());
        user.rename(changes.displayName());
        user.assignExtension(extension);
        user.changeJobTitle(changes.jobTitle());
        user.changeEmail(email);
        user.recordCalls(changes.recordCalls());
        user.makeAdmin(changes.admin());
        user.sendVoicemailToEmail(changes.voicemailToEmail());
        user.makeContactCenterOperator(changes.operator());
        user.restrictOutgoing(
                changes.outgoingRestriction() == null
                        ? OutgoingRestriction.NONE
                        : changes.outgoingRestriction());
        user.setAbsence(changes.absentFrom(), changes.absentUntil());
        user.chooseGreeting(audioFile(domainId, changes.greetingId(), "greetingId"));
        user.chooseRingback(audioFile(domainId, changes.ringbackId(), "ringbackId"));
        user.chooseMusicOnHold(audioFile(domainId, changes.musicOnHoldId(), "musicOnHoldId"));
        AuditChanges audit =
                AuditChanges.create()
                        .changed("displayName", name, user.displayName())
                        .changed("extension", ext, extension.value())
                        .changed("jobTitle", title, user.jobTitle())
                        .changed("email", mail, user.email())
                        .changed("recordCalls", record, user.recordsCalls())
                        .changed("role", role, user.role())
                        .changed("voicemailToEmail", voicemailToEmail, user.voicemailToEmail())
                        .changed("operator", operator, user.isContactCenterOperator())
                        .changed("outgoingRestriction", restriction, user.outgoingRestriction())
                        .changed("absentFrom", absentFrom, user.absentFrom())
                        .changed("absentUntil", absentUntil, user.absentUntil())
                        .changed("greeting", greeting, audioName(domainId, user.greetingId()))
                        .changed("ringback", ringback, audioName(domainId, user.ringbackId()))
                        .changed(
                                "musicOnHold",
                                musicOnHold,
                                audioName(domainId, user.musicOnHoldId()));
        if (!audit.isEmpty()) {
            auditTrail.userEdited(actor, user, audit);
        }
    }

    /** One of the domain's audio files chosen on the user page; another domain's is not found. */
    private AudioFile audioFile(long domainId, Long audioFileId, String field) {
        if (audioFileId == null) {
            return null;
        }
        return audioFiles
                .findInDomain(domainId, audioFileId)
                .orElseThrow(() -> RuleViolation.onField(field, "error.audio.notFound"));
    }

    /** An audio file's name for the action history, which outlives ids. */
    private String audioName(long domainId, Long audioFileId) {
        return audioFileId == null
                ? null
                : audioFiles
                        .findInDomain(domainId, audioFileId)
                        .map(AudioFile::name)
                        .orElse("#" + audioFileId);
    }

    /** Today in the installation's zone ({@code vpbx.timezone}): absences are days there. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.displayZone());
    }

    String resetSipPassword(long domainId, long userId, ActorRef actor) {
        String password = randomText(SIP_PASSWORD_LENGTH);
        changeSipPassword(domainId, userId, password, actor);
        return password;
    }

    int delete(long domainId, List<Long> userIds, ActorRef actor) {
        int deleted = 0;
        for (Long userId : new HashSet<>(userIds)) {
            if (isSelf(actor, userId)) {
                throw new RuleViolation("error.user.cannotDeleteSelf");
            }
            DomainUser user =
                    users.findInDomain(domainId, userId).orElseThrow(() -> new NotFound("user"));
            AuditChanges audit =
                    AuditChanges.create()
                            .set("displayName", user.displayName())
                            .set(
                                    "extension",
                                    user.extension() == null ? null : user.extension().value());
            numbers.findByUser(domainId, userId)
                    .ifPresent(
                            number -> {
                                registrations.dropAll(number.id());
                                audit.set("sipLogin", number.login());
                                numbers.remove(number);
                            });
            // Its memberships go with it, as entities, so the SIP directory forgets them too; the
            // history keeps which groups it was in.
            List<CallGroupMember> memberships =
                    callGroups.membershipsOf(domainId, List.of(user.id()));
            if (!memberships.isEmpty()) {
                audit.set(
                        "callGroups",
                        callGroupProvisioning.names(
                                domainId,
                                memberships.stream().map(CallGroupMember::groupId).toList()));
                memberships.forEach(callGroups::removeMember);
            }
            users.remove(user);
            auditTrail.recordAs(
                    actor,
                    AuditObjectType.DOMAIN_USER,
                    user.login().value(),
                    AuditAction.DELETE,
                    null,
                    domainId,
                    audit);
            deleted++;
        }
        return deleted;
    }

    private static boolean isSelf(ActorRef actor, long userId) {
        return actor.kind() == ActorKind.DOMAIN_USER && actor.accountId() == userId;
    }

    /** Seven random digits not yet used in the domain (seed 002's system number, e.g. 0462626). */
    private String freeSipLogin(long domainId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String candidate = String.format("%07d", random.nextInt(10_000_000));
            if (numbers.findByLogin(domainId, candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free SIP login found in the domain");
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(SIP_PASSWORD_CHARS.charAt(random.nextInt(SIP_PASSWORD_CHARS.length())));
        }
        return s.toString();
    }
}

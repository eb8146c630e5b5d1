package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.SecretBox;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorRef;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    long create(long domainId, NewDomainUser request, ActorRef actor) {
        // No console password yet: nobody knows this one; the user sets their own through password
        // recovery.
        return create(domainId, request, actor, unusableHash());
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
        if (users.countByDomain(domainId) >= domain.limits().maxUsers()) {
            throw new RuleViolation("error.limit.usersReached", domain.limits().maxUsers());
        }
        if (users.findByLogin(domainId, login).isPresent()) {
            throw RuleViolation.onField("login", "error.login.taken");
        }
        if (users.findByExtension(domainId, extension).isPresent()) {
            throw RuleViolation.onField("extension", "error.extension.taken");
        }
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
                        .set("role", user.role())
                        .set("sipLogin", number.login())
                        .secretChanged("sipPassword"));
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
                rows.add(
                        new RegistrationRow(
                                extension,
                                name,
                                number.login(),
                                number.deviceLimit(),
                                null,
                                null,
                                null,
                                null));
            }
            for (SipRegistration r : bound) {
                rows.add(
                        new RegistrationRow(
                                extension,
                                name,
                                number.login(),
                                number.deviceLimit(),
                                r.contactUri(),
                                r.sourceAddress() + ":" + r.sourcePort() + "/" + r.transport(),
                                r.userAgent(),
                                r.expiresAt()));
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
        auditTrail.recordAs(
                actor,
                AuditObjectType.DOMAIN_USER,
                user.login().value(),
                AuditAction.EDIT,
                null,
                domainId,
                AuditChanges.create().secretChanged("sipPassword"));
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
        number.changeLimits(settings.deviceLimit(), settings.channelLimit());
        number.changeRingSeconds(settings.ringSeconds());
        number.enable(settings.enabled());
        number.offerMd5Only(settings.md5Only());
        AuditChanges changes =
                AuditChanges.create()
                        .changed("deviceLimit", devices, number.deviceLimit())
                        .changed("channelLimit", channels, number.channelLimit())
                        .changed("sipEnabled", enabled, number.isEnabled())
                        .changed("md5Only", md5Only, number.isMd5Only())
                        .changed("ringSeconds", ring, number.ringSeconds());
        if (!changes.isEmpty()) {
            auditTrail.recordAs(
                    actor,
                    AuditObjectType.DOMAIN_USER,
                    user.login().value(),
                    AuditAction.EDIT,
                    null,
                    domainId,
                    changes);
        }
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

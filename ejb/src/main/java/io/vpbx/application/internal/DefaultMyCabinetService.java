package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.cabinet.AudioChoice;
import io.vpbx.application.cabinet.MyCabinetService;
import io.vpbx.application.cabinet.MyProfile;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.application.recording.Mp3Encoder;
import io.vpbx.application.recording.RecordingDownload;
import io.vpbx.application.recording.RecordingStore;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.calls.CallRecord;
import io.vpbx.model.calls.CallRecordRepository;
import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioFileRepository;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.AccessDenied;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.sip.SipNumberRepository;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The personal cabinet of the calling employee. The account is always the one of the login ({@code
 * D:<domain>:<user>}); a pool admin who jumped into a domain has no account there and is refused.
 * Recordings are found only among the caller's own calls: a colleague's is "not found", exactly as
 * a missing one.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_USER)
public class DefaultMyCabinetService implements MyCabinetService {
    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private SipNumberRepository numbers;
    @Inject private AudioFileRepository audioFiles;
    @Inject private UserProvisioning provisioning;
    @Inject private CallHistoryQuery historyQuery;
    @Inject private CallRecordRepository calls;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private RecordingStore store;
    @Inject private Mp3Encoder encoder;
    @Inject private AuditTrail auditTrail;
    @Inject private PlatformSettings settings;

    @Override
    public MyProfile profile() {
        DomainUser me = me();
        Domain domain = domains.findById(me.domainId()).orElseThrow(() -> new NotFound("domain"));
        Optional<SipNumber> number = numbers.findByUser(me.domainId(), me.id());
        String extension = me.extension() == null ? null : me.extension().value();
        List<RegistrationRow> bound =
                number.map(n -> provisioning.devicesOf(me, n)).orElse(List.of());
        return new MyProfile(
                me.displayName(),
                me.login().value(),
                domain.name().value(),
                extension,
                me.jobTitle(),
                me.email() == null ? null : me.email().value(),
                me.isAdmin(),
                me.recordsCalls(),
                me.isContactCenterOperator(),
                me.outgoingRestriction(),
                me.voicemailToEmail(),
                me.greetingId(),
                me.ringbackId(),
                number.map(SipNumber::login).orElse(null),
                domain.name().value(),
                settings.sipPort(),
                bound);
    }

    @Override
    public String regenerateSipPassword() {
        DomainUser me = me();
        return provisioning.resetSipPassword(me.domainId(), me.id(), caller.actor());
    }

    @Override
    public void changeEmail(String email) {
        DomainUser me = me();
        EmailAddress address = EmailAddress.optional(email);
        if (address == null && me.voicemailToEmail()) {
            throw RuleViolation.onField("email", "error.cabinet.emailNeededForVoicemail");
        }
        Object before = me.email();
        me.changeEmail(address);
        audit(me, AuditChanges.create().changed("email", before, me.email()));
    }

    @Override
    public void sendVoicemailToEmail(boolean send) {
        DomainUser me = me();
        if (send && me.email() == null) {
            throw RuleViolation.onField(
                    "voicemailToEmail", "error.cabinet.emailNeededForVoicemail");
        }
        boolean before = me.voicemailToEmail();
        me.sendVoicemailToEmail(send);
        audit(me, AuditChanges.create().changed("voicemailToEmail", before, send));
    }

    @Override
    public List<AudioChoice> greetings() {
        return choices(AudioKind.GREETING);
    }

    @Override
    public List<AudioChoice> ringbacks() {
        return choices(AudioKind.MUSIC);
    }

    private List<AudioChoice> choices(AudioKind kind) {
        return audioFiles.listInDomain(me().domainId(), kind).stream()
                .map(f -> new AudioChoice(f.id(), f.name()))
                .toList();
    }

    @Override
    public void chooseGreeting(Long greetingIdOrNullForNone) {
        DomainUser me = me();
        AudioFile chosen =
                ownFile(
                        me,
                        greetingIdOrNullForNone,
                        AudioKind.GREETING,
                        "greeting",
                        "error.cabinet.greetingNotFound");
        String before = fileName(me, me.greetingId());
        me.chooseGreeting(chosen);
        audit(
                me,
                AuditChanges.create()
                        .changed("greeting", before, chosen == null ? null : chosen.name()));
    }

    @Override
    public void chooseRingback(Long musicIdOrNullForDomain) {
        DomainUser me = me();
        AudioFile chosen =
                ownFile(
                        me,
                        musicIdOrNullForDomain,
                        AudioKind.MUSIC,
                        "ringback",
                        "error.cabinet.ringbackNotFound");
        String before = fileName(me, me.ringbackId());
        me.chooseRingback(chosen);
        audit(
                me,
                AuditChanges.create()
                        .changed("ringback", before, chosen == null ? null : chosen.name()));
    }

    /** One of the caller's domain's files of a kind; another domain's id is simply not found. */
    private AudioFile ownFile(DomainUser me, Long id, AudioKind kind, String field, String key) {
        if (id == null) {
            return null;
        }
        return audioFiles
                .findInDomain(me.domainId(), id)
                .filter(f -> f.kind() == kind)
                .orElseThrow(() -> RuleViolation.onField(field, key));
    }

    private String fileName(DomainUser me, Long id) {
        return id == null
                ? null
                : audioFiles.findInDomain(me.domainId(), id).map(AudioFile::name).orElse(null);
    }

    @Override
    public List<CallHistoryRow> callHistory(CallPeriod period, CallType type, String search) {
        DomainUser me = me();
        Optional<SipNumber> number = numbers.findByUser(me.domainId(), me.id());
        if (number.isEmpty()) {
            return List.of();
        }
        return historyQuery.history(me.domainId(), number.get().id(), period, type, search);
    }

    @Override
    public List<CallHistoryRow> callHistory(
            LocalDate from, LocalDate until, CallType type, String search) {
        DomainUser me = me();
        Optional<SipNumber> number = numbers.findByUser(me.domainId(), me.id());
        if (number.isEmpty()) {
            return List.of();
        }
        return historyQuery.history(me.domainId(), number.get().id(), from, until, type, search);
    }

    @Override
    public RecordingDownload recording(long recordingId) {
        Mine mine = mine(recordingId);
        return new RecordingDownload(
                mine.recording().id(),
                DefaultRecordingDownloadService.fileName(
                        mine.recording(), mine.call(), settings.displayZone()),
                mine.recording().length());
    }

    /**
     * Outside any transaction: encoding a long call takes a while, and holding a transaction (and a
     * connection) meanwhile would starve the pool.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void writeMp3(long recordingId, OutputStream out) throws IOException {
        Mine mine = mine(recordingId);
        try (InputStream wav = new BufferedInputStream(store.open(mine.recording().storageKey()))) {
            encoder.encode(wav, out);
        }
    }

    private record Mine(CallRecordingFile recording, CallRecord call) {}

    /** A recording of a call the caller's own SIP number made or took, with its audio stored. */
    private Mine mine(long recordingId) {
        DomainUser me = me();
        CallRecordingFile recording =
                recordings
                        .findInDomain(me.domainId(), recordingId)
                        .orElseThrow(() -> new NotFound("recording"));
        Long myNumber = numbers.findByUser(me.domainId(), me.id()).map(SipNumber::id).orElse(null);
        CallRecord call =
                calls.findByCallId(me.domainId(), recording.callId())
                        .filter(
                                c ->
                                        myNumber != null
                                                && (myNumber.equals(c.caller().sipNumberId())
                                                        || (c.callee() != null
                                                                && myNumber.equals(
                                                                        c.callee().sipNumberId()))))
                        .orElseThrow(() -> new NotFound("recording"));
        if (!store.exists(recording.storageKey())) {
            throw new NotFound("recording");
        }
        return new Mine(recording, call);
    }

    /** The caller's own account; only a domain user has one. */
    private DomainUser me() {
        ActorRef actor = caller.actor();
        if (actor.kind() != ActorKind.DOMAIN_USER) {
            throw new AccessDenied("error.accessDenied");
        }
        return users.findInDomain(actor.domainId(), actor.accountId())
                .filter(DomainUser::isActive)
                .orElseThrow(() -> new AccessDenied("error.accessDenied"));
    }

    private void audit(DomainUser me, AuditChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        auditTrail.record(
                AuditObjectType.DOMAIN_USER,
                me.login().value(),
                AuditAction.EDIT,
                null,
                me.domainId(),
                changes);
    }
}

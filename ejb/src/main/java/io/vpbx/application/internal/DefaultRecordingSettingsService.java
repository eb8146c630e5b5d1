package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.recording.RecordingSettings;
import io.vpbx.application.recording.RecordingSettingsService;
import io.vpbx.application.recording.UserRecordingRow;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.recording.CallRecordingFile;
import io.vpbx.model.recording.CallRecordingFileRepository;
import io.vpbx.model.recording.RecordingRetention;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * «Запись разговоров» of the caller's domain. Every change is one action-history entry per changed
 * object: the domain for its retention and default, each user whose flag really changed.
 */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultRecordingSettingsService implements RecordingSettingsService {
    /** Recordings whose expiry is recomputed per round trip to the database. */
    private static final int PAGE = 500;

    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository domainUsers;
    @Inject private CallRecordingFileRepository recordings;
    @Inject private PlatformSettings settings;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @Override
    public RecordingSettings settings() {
        Domain domain = myDomain();
        List<DomainUser> takingCalls = takingCalls(domain.id());
        return new RecordingSettings(
                domain.recordingRetention(),
                domain.recordsAllCalls(),
                takingCalls.stream().filter(DomainUser::recordsCalls).count(),
                takingCalls.size());
    }

    @Override
    public List<UserRecordingRow> users() {
        return takingCalls(myDomain().id()).stream()
                .map(
                        u ->
                                new UserRecordingRow(
                                        u.id(),
                                        u.extension().value(),
                                        u.displayName(),
                                        u.recordsCalls()))
                .toList();
    }

    @Override
    public int changeRetention(RecordingRetention retention) {
        Objects.requireNonNull(retention);
        Domain domain = myDomain();
        RecordingRetention before = domain.recordingRetention();
        if (before == retention) {
            return 0;
        }
        domain.changeRecordingRetention(retention);
        ZoneId zone = settings.displayZone();
        Instant now = clock.instant();
        int nowExpired = 0;
        long after = 0;
        List<CallRecordingFile> page;
        do {
            page = recordings.listInDomain(domain.id(), after, PAGE);
            for (CallRecordingFile r : page) {
                boolean wasExpired = r.isExpired(now);
                r.retainFor(retention, zone);
                if (!wasExpired && r.isExpired(now)) {
                    nowExpired++;
                }
                after = r.id();
            }
        } while (page.size() == PAGE);
        audit(domain, AuditChanges.create().changed("recordingRetention", before, retention));
        return nowExpired;
    }

    @Override
    public void changeRecordAllCalls(boolean recordAll) {
        Domain domain = myDomain();
        boolean before = domain.recordsAllCalls();
        if (before == recordAll) {
            return;
        }
        domain.recordAllCalls(recordAll);
        audit(domain, AuditChanges.create().changed("recordAllCalls", before, recordAll));
    }

    @Override
    public int changeUserRecording(Collection<Long> userIds, boolean record) {
        Domain domain = myDomain();
        Set<Long> wanted = new HashSet<>(userIds);
        return change(
                domain,
                takingCalls(domain.id()).stream().filter(u -> wanted.contains(u.id())).toList(),
                record);
    }

    @Override
    public int changeRecordingForAllUsers(boolean record) {
        Domain domain = myDomain();
        return change(domain, takingCalls(domain.id()), record);
    }

    private int change(Domain domain, List<DomainUser> targets, boolean record) {
        int changed = 0;
        for (DomainUser user : targets) {
            if (user.recordsCalls() == record) {
                continue;
            }
            user.recordCalls(record);
            changed++;
            auditTrail.record(
                    AuditObjectType.DOMAIN_USER,
                    user.login().value(),
                    AuditAction.EDIT,
                    poolId(domain),
                    domain.id(),
                    AuditChanges.create().changed("recordCalls", !record, record));
        }
        return changed;
    }

    /** Users who take calls: those with an extension (an admin-only account has none). */
    private List<DomainUser> takingCalls(long domainId) {
        return domainUsers.listInDomain(domainId).stream()
                .filter(u -> u.extension() != null)
                .sorted(Comparator.comparing(u -> u.extension().value()))
                .toList();
    }

    private void audit(Domain domain, AuditChanges changes) {
        auditTrail.domainEdited(domain, changes);
    }

    private static Long poolId(Domain domain) {
        return domain.pool() == null ? null : domain.pool().id();
    }

    private Domain myDomain() {
        return domains.findById(caller.actor().ownDomainId())
                .orElseThrow(() -> new NotFound("domain"));
    }
}

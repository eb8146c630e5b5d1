package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.sip.SipBan;
import io.vpbx.application.sip.SipBansService;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.sip.SourceBans;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The operator's page of SIP bans; lifting one is recorded in the platform's history. */
@Stateless
@RolesAllowed(Roles.OPERATOR)
public class DefaultSipBansService implements SipBansService {
    @Inject private SipSourceGuard guard;
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    @Inject private AuditTrail auditTrail;
    @Inject private PlatformSettings settings;

    @Override
    public List<SipBan> activeBans() {
        return guard.activeBans().stream()
                .map(b -> new SipBan(b.address(), b.until(), b.failures()))
                .toList();
    }

    @Override
    public void lift(String address) {
        SourceBans.Ban ban =
                guard.activeBans().stream()
                        .filter(b -> b.address().equals(address))
                        .findFirst()
                        .orElseThrow(() -> new NotFound("ban"));
        guard.lift(address);
        auditTrail.record(
                AuditObjectType.SIP_SOURCE,
                address,
                AuditAction.EDIT,
                null,
                null,
                AuditChanges.create()
                        .changed(
                                "bannedUntil",
                                UNTIL.withZone(settings.displayZone()).format(ban.until()),
                                null));
    }
}

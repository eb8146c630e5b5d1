package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallHistoryService;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/** The call history of the caller's domain; the domain is never a parameter. */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultCallHistoryService implements CallHistoryService {
    @Inject private CallerContext caller;
    @Inject private CallHistoryQuery query;

    @Override
    public List<CallHistoryRow> history(CallPeriod period, CallType type, String search) {
        return query.history(caller.actor().ownDomainId(), null, period, type, search);
    }

    @Override
    public List<CallHistoryRow> history(
            LocalDate from, LocalDate until, CallType type, String search) {
        return query.history(caller.actor().ownDomainId(), null, from, until, type, search);
    }
}

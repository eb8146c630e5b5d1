package io.vpbx.application.internal;

import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Creates one import row's user in a transaction of its own, with its console password already
 * hashed: the slow hash runs before, outside any transaction and outside the domain's lock, so the
 * job's partitions hash in parallel and hold the lock only for the inserts.
 */
@Stateless
@LocalBean
@PermitAll
public class UserImportRowCreation {
    private static final Logger LOG = Logger.getLogger(UserImportRowCreation.class.getName());

    @Inject private UserProvisioning provisioning;
    @Inject private DomainUserRepository users;
    @Resource private SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RowOutcome create(
            long importId, long domainId, String actorPrincipal, CheckedRow row, String hash) {
        if (users.findByLogin(domainId, new Login(row.row().login())).isPresent()) {
            return RowOutcome.skipped(row, "report.exists");
        }
        try {
            provisioning.create(
                    domainId,
                    new NewDomainUser(
                            row.extension(),
                            row.row().displayName(),
                            row.row().login(),
                            row.row().email()),
                    ActorRef.parse(actorPrincipal),
                    hash);
            return RowOutcome.created(row);
        } catch (RuleViolation refused) {
            String reason =
                    "error.limit.usersReached".equals(refused.messageKey())
                            ? "report.limit"
                            : "error.extension.taken".equals(refused.messageKey())
                                    ? "userImport.error.extension.taken"
                                    : "error.login.taken".equals(refused.messageKey())
                                            ? "report.exists"
                                            : "report.failed";
            LOG.fine(
                    () ->
                            "Import "
                                    + importId
                                    + " row "
                                    + row.row().rowNumber()
                                    + ": "
                                    + refused.messageKey());
            // Nothing of the row may stay behind.
            context.setRollbackOnly();
            return RowOutcome.skipped(row, reason);
        }
    }
}

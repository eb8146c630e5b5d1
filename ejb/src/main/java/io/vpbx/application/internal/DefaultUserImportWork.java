package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.SecretBox;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.application.users.imports.UserImportWork;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * The import job's calls into the core. Each user is created in a transaction of its own, so one
 * row that a rule refuses at the last moment (the user limit, an extension someone took since the
 * preview) skips that row only.
 */
@Stateless
@PermitAll
public class DefaultUserImportWork implements UserImportWork {
    private static final Logger LOG = Logger.getLogger(DefaultUserImportWork.class.getName());

    @Inject private UserImportStore store;
    @Inject private UserProvisioning provisioning;
    @Inject private DomainUserRepository users;
    @Inject private SecretBox secrets;
    @Inject private PasswordHasher hasher;
    @Inject private AuditTrail auditTrail;
    @jakarta.annotation.Resource private SessionContext context;

    @Override
    public List<CheckedRow> rows(long importId) {
        return stored(importId).rows().stream().filter(CheckedRow::ready).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RowOutcome createUser(long importId, CheckedRow row) {
        UserImportStore.StoredImport stored = stored(importId);
        long domainId = stored.domainId();
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
                    ActorRef.parse(stored.actorPrincipal()),
                    hasher.hash(secrets.open(row.row().password())));
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

    @Override
    public void recorded(long importId, List<RowOutcome> outcomes) {
        store.append(importId, outcomes);
    }

    @Override
    public void finished(long importId) {
        UserImportStore.StoredImport stored = stored(importId);
        List<RowOutcome> outcomes = store.outcomes(importId);
        long created = outcomes.stream().filter(RowOutcome::created).count();
        auditTrail.recordAs(
                ActorRef.parse(stored.actorPrincipal()),
                AuditObjectType.DOMAIN_USER,
                "import: " + stored.fileName(),
                AuditAction.ADD,
                null,
                stored.domainId(),
                AuditChanges.create()
                        .set("rowsInFile", stored.inFile())
                        .set("created", created)
                        .set("skipped", stored.inFile() - created));
    }

    private UserImportStore.StoredImport stored(long importId) {
        return store.find(importId).orElseThrow(() -> new NotFound("import"));
    }
}

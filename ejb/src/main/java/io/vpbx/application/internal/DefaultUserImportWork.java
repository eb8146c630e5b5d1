package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.SecretBox;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.application.users.imports.UserImportWork;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The import job's calls into the core. Each user is created in a transaction of its own, so one
 * row that a rule refuses at the last moment (the user limit, an extension someone took since the
 * preview) skips that row only. The job's partitions call in parallel.
 */
@Stateless
@PermitAll
public class DefaultUserImportWork implements UserImportWork {
    @Inject private UserImportStore store;
    @Inject private UserImportRowCreation creation;
    @Inject private DomainUserRepository users;
    @Inject private SecretBox secrets;
    @Inject private PasswordHasher hasher;
    @Inject private AuditTrail auditTrail;

    @Override
    public List<CheckedRow> rows(long importId) {
        return stored(importId).rows().stream().filter(CheckedRow::ready).toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RowOutcome createUser(long importId, CheckedRow row) {
        UserImportStore.StoredImport stored = stored(importId);
        long domainId = stored.domainId();
        RowOutcome outcome;
        if (users.findByLogin(domainId, new Login(row.row().login())).isPresent()) {
            outcome = RowOutcome.skipped(row, "report.exists");
        } else {
            // The slow part, outside any transaction and lock: the partitions hash in parallel.
            String hash = hasher.hash(secrets.open(row.row().password()));
            outcome = creation.create(importId, domainId, stored.actorPrincipal(), row, hash);
        }
        // Kept as soon as the row's transaction has committed, not with the chunk: a job that dies
        // mid-chunk must still report the users it created as created.
        store.append(importId, List.of(outcome));
        return outcome;
    }

    @Override
    public void recorded(long importId, List<RowOutcome> outcomes) {
        // Each outcome was kept when its row was done (createUser); nothing is left to keep.
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

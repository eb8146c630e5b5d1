package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.JobLauncherPort;
import io.vpbx.application.SecretBox;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.DomainSnapshot;
import io.vpbx.application.users.imports.ImportFileReader;
import io.vpbx.application.users.imports.ImportPreview;
import io.vpbx.application.users.imports.ImportProgress;
import io.vpbx.application.users.imports.ImportRow;
import io.vpbx.application.users.imports.ImportTemplate;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.application.users.imports.UserImportRules;
import io.vpbx.application.users.imports.UserImportService;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.CallGroupRepository;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.Domain;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Bulk import of users into the caller's domain; the domain is never a parameter. */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultUserImportService implements UserImportService {
    private static final SecureRandom IDS = new SecureRandom();

    @Inject private CallerContext caller;
    @Inject private DomainRepository domains;
    @Inject private DomainUserRepository users;
    @Inject private UserImportStore store;
    @Inject private SecretBox secrets;
    @Inject private JobLauncherPort jobs;
    @Inject private NumberingPlan numberingPlan;
    @Inject private CallGroupRepository callGroups;

    @Override
    public byte[] template(ImportTemplate.Format format, Locale locale) {
        return ImportTemplate.write(format, locale);
    }

    @Override
    public ImportPreview preview(String fileName, byte[] content) {
        long domainId = myDomain(caller.actor());
        List<ImportRow> rows = new ImportFileReader().read(fileName, content);
        return UserImportRules.check(rows, snapshot(domainId));
    }

    @Override
    public long startImport(String fileName, ImportPreview preview) {
        ActorRef actor = caller.actor();
        long domainId = myDomain(actor);
        long id = IDS.nextLong(1, Long.MAX_VALUE);
        List<CheckedRow> rows = new ArrayList<>(preview.inFile());
        for (CheckedRow r : preview.rows()) {
            ImportRow row = r.row();
            // The rows wait on disk until the job has created them: never a password in clear.
            ImportRow sealed =
                    new ImportRow(
                            row.rowNumber(),
                            row.login(),
                            row.password().isEmpty() ? "" : secrets.seal(row.password()),
                            row.displayName(),
                            row.extension(),
                            row.groups(),
                            row.outgoingCli(),
                            row.email());
            rows.add(
                    new CheckedRow(
                            sealed, r.extension(), r.groupNames(), r.outgoingCli(), r.problems()));
        }
        store.save(
                new UserImportStore.StoredImport(
                        id, domainId, actor.principalName(), fileName, preview.inFile(), rows));
        store.execution(id, jobs.startUserImport(id));
        return id;
    }

    @Override
    public void resume(long importId) {
        mine(importId);
        long execution =
                store.execution(importId)
                        .orElseThrow(() -> new RuleViolation("userImport.error.notResumable"));
        BatchStatus status = BatchStatus.valueOf(jobs.jobStatus(execution));
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            throw new RuleViolation("userImport.error.notResumable");
        }
        store.execution(importId, jobs.restartJob(execution));
    }

    @Override
    public ImportProgress progress(long importId) {
        UserImportStore.StoredImport stored = mine(importId);
        int total = (int) stored.rows().stream().filter(CheckedRow::ready).count();
        List<RowOutcome> outcomes = store.outcomes(importId);
        int created = (int) outcomes.stream().filter(RowOutcome::created).count();
        BatchStatus status =
                store.execution(importId)
                        .map(e -> BatchStatus.valueOf(jobs.jobStatus(e)))
                        .orElse(BatchStatus.STARTING);
        boolean finished =
                status == BatchStatus.COMPLETED
                        || status == BatchStatus.FAILED
                        || status == BatchStatus.STOPPED
                        || status == BatchStatus.ABANDONED;
        return new ImportProgress(
                outcomes.size(),
                total,
                created,
                outcomes.size() - created,
                finished,
                finished && status != BatchStatus.COMPLETED);
    }

    @Override
    public byte[] report(long importId, Locale locale) {
        UserImportStore.StoredImport stored = mine(importId);
        return UserImportReport.write(stored.rows(), store.outcomes(importId), locale);
    }

    private UserImportStore.StoredImport mine(long importId) {
        long domainId = myDomain(caller.actor());
        return store.find(importId)
                .filter(s -> s.domainId() == domainId)
                .orElseThrow(() -> new NotFound("import"));
    }

    private DomainSnapshot snapshot(long domainId) {
        Domain domain = domains.findById(domainId).orElseThrow(() -> new NotFound("domain"));
        Set<String> logins = new HashSet<>();
        Set<String> extensions = numberingPlan.taken(domainId);
        List<DomainUser> existing = users.listInDomain(domainId);
        for (DomainUser u : existing) {
            logins.add(u.login().value());
        }
        // The model has no PSTN numbers of a domain yet, so no CLI in a file can be the domain's:
        // every one falls back to the domain default with a warning (BR-22f).
        Set<String> groupNames = new HashSet<>();
        for (CallGroup g : callGroups.listByDomain(domainId)) {
            groupNames.add(g.name().toLowerCase(Locale.ROOT));
        }
        return new DomainSnapshot(
                logins,
                extensions,
                Set.of(),
                domain.limits().maxUsers() - existing.size(),
                groupNames);
    }

    private static long myDomain(ActorRef actor) {
        return actor.ownDomainId();
    }
}

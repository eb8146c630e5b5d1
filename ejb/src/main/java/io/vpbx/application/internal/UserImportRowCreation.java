package io.vpbx.application.internal;

import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.Login;
import io.vpbx.model.shared.RuleViolation;
import io.vpbx.model.tenancy.DomainUser;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Creates one import row's user in a transaction of its own, with its console password already
 * hashed: the slow hash runs before, outside any transaction and outside the domain's lock, so the
 * job's partitions hash in parallel and hold the lock only for the inserts. The user joins exactly
 * the row's call groups in the same transaction, missing ones created (spec B BR-22e): a row is
 * created whole or not at all, so a restarted import adds no group or membership twice.
 */
@Stateless
@LocalBean
@PermitAll
public class UserImportRowCreation {
    private static final Logger LOG = Logger.getLogger(UserImportRowCreation.class.getName());

    @Inject private UserProvisioning provisioning;
    @Inject private DomainUserRepository users;
    @Inject private CallGroupProvisioning callGroups;
    @Inject private UserImportStore store;
    @Resource private SessionContext context;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public RowOutcome create(
            long importId, long domainId, String actorPrincipal, CheckedRow row, String hash) {
        if (users.findByLogin(domainId, new Login(row.row().login())).isPresent()) {
            return RowOutcome.skipped(row, "report.exists");
        }
        try {
            ActorRef actor = ActorRef.parse(actorPrincipal);
            // Creating the user takes the domain's lock, held until this row commits: the groups
            // are looked up and created under it, so two partitions naming the same new group
            // create it once, and the second finds the first's.
            long userId =
                    provisioning.create(
                            domainId,
                            new NewDomainUser(
                                    row.extension(),
                                    row.row().displayName(),
                                    row.row().login(),
                                    row.row().email()),
                            actor,
                            hash);
            DomainUser user = users.findInDomain(domainId, userId).orElseThrow();
            List<CallGroup> groups =
                    callGroups.findOrCreate(
                            domainId, row.groupNames(), actor, () -> promisedExtensions(importId));
            callGroups.setGroups(user, groups, actor);
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

    /**
     * The extensions the import's rows hold since the preview: a group it creates takes none of
     * them, or a later row would find its number taken.
     */
    private Set<String> promisedExtensions(long importId) {
        return store
                .find(importId)
                .map(UserImportStore.StoredImport::rows)
                .orElse(List.of())
                .stream()
                .filter(CheckedRow::ready)
                .map(CheckedRow::extension)
                .collect(Collectors.toSet());
    }
}

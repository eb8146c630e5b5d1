package io.vpbx.batch.userimport;

import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.UserImportWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Creates one row's user, in a transaction of its own, and passes on what happened. A row whose
 * login exists already (an earlier attempt of a restarted job created it) is skipped, so a restart
 * never duplicates a user.
 */
@Named("UserImportProcessor")
@Dependent
public class UserImportProcessor implements ItemProcessor {
    @Inject
    @BatchProperty(name = "importId")
    private String importId;

    @Inject private UserImportWork work;

    @Override
    public Object processItem(Object item) {
        return work.createUser(Long.parseLong(importId), (CheckedRow) item);
    }
}

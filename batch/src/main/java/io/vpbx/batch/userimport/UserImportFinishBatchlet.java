package io.vpbx.batch.userimport;

import io.vpbx.application.users.imports.UserImportWork;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Records the import as a whole in the action history, once every row is done. */
@Named("UserImportFinishBatchlet")
@Dependent
public class UserImportFinishBatchlet extends AbstractBatchlet {
    @Inject
    @BatchProperty(name = "importId")
    private String importId;

    @Inject private UserImportWork work;

    @Override
    public String process() {
        work.finished(Long.parseLong(importId));
        return BatchStatus.COMPLETED.name();
    }
}

package io.vpbx.batch.userimport;

import io.vpbx.application.users.imports.RowOutcome;
import io.vpbx.application.users.imports.UserImportWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Hands a chunk's outcomes to the core. The core keeps each row's outcome as soon as its user is
 * committed, so that a job that dies mid-chunk still reports what it created.
 */
@Named("UserImportWriter")
@Dependent
public class UserImportWriter extends AbstractItemWriter {
    @Inject
    @BatchProperty(name = "importId")
    private String importId;

    @Inject private UserImportWork work;

    @Override
    public void writeItems(List<Object> items) {
        work.recorded(
                Long.parseLong(importId), items.stream().map(RowOutcome.class::cast).toList());
    }
}

package io.vpbx.batch.userimport;

import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.UserImportWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The import's ready rows in file order; the checkpoint is the index of the next row. */
@Named("UserImportReader")
@Dependent
public class UserImportReader extends AbstractItemReader {
    @Inject
    @BatchProperty(name = "importId")
    private String importId;

    @Inject private UserImportWork work;

    private List<CheckedRow> rows;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        rows = work.rows(Long.parseLong(importId));
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}

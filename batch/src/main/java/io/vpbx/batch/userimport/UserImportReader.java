package io.vpbx.batch.userimport;

import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.UserImportWork;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's share of the import's ready rows, in file order: every {@code partitions}-th row,
 * starting at row {@code partition}. The checkpoint is the index of the next row in that share.
 */
@Named("UserImportReader")
@Dependent
public class UserImportReader extends AbstractItemReader {
    @Inject
    @BatchProperty(name = "importId")
    private String importId;

    @Inject
    @BatchProperty(name = "partition")
    private String partition;

    @Inject
    @BatchProperty(name = "partitions")
    private String partitions;

    @Inject private UserImportWork work;

    private List<CheckedRow> rows;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        List<CheckedRow> all = work.rows(Long.parseLong(importId));
        int count = UserImportPartitions.count(partitions);
        int mine = partition == null || partition.isBlank() ? 0 : Integer.parseInt(partition);
        rows = new ArrayList<>(all.size() / count + 1);
        for (int i = mine; i < all.size(); i += count) {
            rows.add(all.get(i));
        }
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

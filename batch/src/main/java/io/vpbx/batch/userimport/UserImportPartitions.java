package io.vpbx.batch.userimport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * Splits the import's rows among {@code partitions} threads: partition {@code p} takes the rows
 * whose index modulo the count is {@code p}. The count is a job parameter, so a restart splits the
 * rows exactly as the first run did and each partition resumes at its own checkpoint.
 */
@Named("UserImportPartitions")
@Dependent
public class UserImportPartitions implements PartitionMapper {
    @Inject
    @BatchProperty(name = "partitions")
    private String partitions;

    @Override
    public PartitionPlan mapPartitions() {
        int count = count(partitions);
        Properties[] properties = new Properties[count];
        for (int p = 0; p < count; p++) {
            properties[p] = new Properties();
            properties[p].setProperty("partition", Integer.toString(p));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(count);
        plan.setThreads(count);
        plan.setPartitionProperties(properties);
        return plan;
    }

    static int count(String partitions) {
        if (partitions == null || partitions.isBlank()) {
            return 1;
        }
        return Math.max(1, Math.min(64, Integer.parseInt(partitions.strip())));
    }
}

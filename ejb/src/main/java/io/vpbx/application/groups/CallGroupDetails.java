package io.vpbx.application.groups;

import io.vpbx.model.groups.DistributionAlgorithm;
import java.util.List;

/**
 * One call group's page (spec C S3.1).
 *
 * @param version for optimistic locking of the general settings
 * @param members by display name
 */
public record CallGroupDetails(
        long id,
        long version,
        String name,
        String extension,
        DistributionAlgorithm algorithm,
        List<CallGroupMemberRow> members) {}

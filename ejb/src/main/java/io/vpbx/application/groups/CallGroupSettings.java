package io.vpbx.application.groups;

import io.vpbx.model.groups.DistributionAlgorithm;

/**
 * A call group's general settings as the admin enters them (spec C S2, S3.1 «Общие»).
 *
 * @param extension digits, unique among the domain's users and groups
 * @param algorithm null: {@link DistributionAlgorithm#NOT_SET}
 */
public record CallGroupSettings(String name, String extension, DistributionAlgorithm algorithm) {}

package io.vpbx.application.groups;

import io.vpbx.model.groups.DistributionAlgorithm;
import java.util.List;

/**
 * A call group in the domain's list (spec C BR-A1/BR-A2) and in the «В группу» dialog (spec B D1).
 *
 * @param users the members who are not contact-centre operators
 * @param operators the members who are
 * @param memberNames every member's display name, by name
 */
public record CallGroupRow(
        long id,
        String name,
        String extension,
        DistributionAlgorithm algorithm,
        int users,
        int operators,
        List<String> memberNames) {}

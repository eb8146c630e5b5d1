/**
 * Call groups («группы обработки вызовов», spec C §1): a domain's hunt groups. A {@link
 * io.vpbx.model.groups.CallGroup} has its own extension in the domain's numbering plan and a {@link
 * io.vpbx.model.groups.DistributionAlgorithm}; its {@link io.vpbx.model.groups.CallGroupMember}s
 * are users of the same domain, each in any number of groups.
 */
package io.vpbx.model.groups;

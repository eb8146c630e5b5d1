/**
 * The domain console's call groups («Группы», spec C §8 S1–S3; spec B BR-7, BR-17, BR-32, BR-34):
 * the use cases of {@link io.vpbx.application.groups.CallGroupsService} and the rows it returns.
 */
package io.vpbx.application.groups;

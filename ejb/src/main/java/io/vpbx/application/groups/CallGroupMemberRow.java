package io.vpbx.application.groups;

import java.util.List;

/**
 * A member in the group page's «Состав группы» (spec C S3.1, BR-H5).
 *
 * @param otherGroups the names of the member's other groups, empty for «Нет прочих групп»
 */
public record CallGroupMemberRow(
        long userId,
        String displayName,
        String jobTitle,
        String login,
        String extension,
        boolean operator,
        int priority,
        List<String> otherGroups) {}

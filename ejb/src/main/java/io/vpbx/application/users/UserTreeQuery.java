package io.vpbx.application.users;

import java.util.Set;

/**
 * What part of the user tree (spec B BR-1) a page shows: rows are group headers and users, paged
 * together.
 *
 * @param search as in {@link UserListQuery}: ignored below {@link UserListQuery#MIN_SEARCH}
 *     characters; while searching, only groups with a matching member are shown
 * @param sort the users' order within each group; {@code null}: by name
 * @param collapsedGroups groups shown as their header alone
 * @param ungroupedCollapsed whether the «Без группы» section is collapsed too
 */
public record UserTreeQuery(
        String search,
        UserListQuery.SortKey sort,
        boolean ascending,
        Set<Long> collapsedGroups,
        boolean ungroupedCollapsed,
        int first,
        int pageSize) {
    public UserTreeQuery {
        // Within a group, users are listed by name unless another column is chosen (BR-1).
        sort = sort == null ? UserListQuery.SortKey.NAME : sort;
        UserListQuery list = new UserListQuery(search, sort, ascending, first, pageSize);
        search = list.search();
        first = list.first();
        pageSize = list.pageSize();
        collapsedGroups = collapsedGroups == null ? Set.of() : Set.copyOf(collapsedGroups);
    }
}

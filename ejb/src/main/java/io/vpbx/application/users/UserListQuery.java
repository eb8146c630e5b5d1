package io.vpbx.application.users;

/**
 * What part of the user list a page shows.
 *
 * @param search matched against name, login and extension; ignored below {@link #MIN_SEARCH}
 *     characters
 */
public record UserListQuery(
        String search, SortKey sort, boolean ascending, int first, int pageSize) {
    /** Shorter searches match too much of a large domain to be useful (spec B §7.1). */
    public static final int MIN_SEARCH = 3;

    public static final int MAX_PAGE = 200;

    /** The columns the list sorts by. */
    public enum SortKey {
        EXTENSION,
        NAME,
        LOGIN,
        JOB_TITLE,
        EMAIL
    }

    public UserListQuery {
        search = search == null || search.strip().length() < MIN_SEARCH ? null : search.strip();
        sort = sort == null ? SortKey.EXTENSION : sort;
        first = Math.max(0, first);
        pageSize = Math.max(1, Math.min(MAX_PAGE, pageSize));
    }
}

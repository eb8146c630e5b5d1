package io.vpbx.application.users;

/**
 * One row of the user tree (spec B BR-1, S1): a pickup group's header, the header of the users in
 * no group, or a user.
 *
 * @param groupId the group of a {@link Kind#GROUP} header, or of the user; {@code null} otherwise
 * @param groupName the group's name of a {@link Kind#GROUP} header
 * @param members a header's users (those matching the search, while searching)
 * @param collapsed whether a header's users are hidden
 * @param user the user of a {@link Kind#USER} row
 */
public record UserTreeRow(
        Kind kind, Long groupId, String groupName, long members, boolean collapsed, UserRow user) {
    /** What a row is. */
    public enum Kind {
        GROUP,
        NO_GROUP,
        USER
    }

    /** A key unique in the tree, for the table's row identity. */
    public String key() {
        return switch (kind) {
            case GROUP -> "g" + groupId;
            case NO_GROUP -> "n";
            case USER -> "u" + user.userId();
        };
    }
}

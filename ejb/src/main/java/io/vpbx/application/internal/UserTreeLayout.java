package io.vpbx.application.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the rows of one page of the user tree (spec B BR-1) come from. The tree is a sequence of
 * sections, each a header followed by its users (none while collapsed); the users of all sections,
 * in order, are one query's rows. A page is therefore the headers that fall into it plus one
 * contiguous run of that query, which the database pages with an offset: a domain of 10,000 users
 * never loads more than a page of them.
 */
final class UserTreeLayout {
    /**
     * One section of the tree.
     *
     * @param groupId the pickup group; {@code null}: the users in no group
     * @param members the section's users (matching the search)
     * @param collapsed whether only the header is shown
     * @param header whether the section has a header row (the users in no group have none when
     *     there is no group to tell them apart from)
     */
    record Section(Long groupId, String name, long members, boolean collapsed, boolean header) {
        long visibleUsers() {
            return collapsed && header ? 0 : members;
        }
    }

    /**
     * One row of the page: a section's header ({@code userIndex} −1) or the user at {@code
     * userIndex} in the order of the users' query.
     */
    record Slot(Section section, long userIndex) {
        boolean isHeader() {
            return userIndex < 0;
        }
    }

    private UserTreeLayout() {}

    /** All rows of the tree: headers and the users of expanded sections. */
    static long rowCount(List<Section> sections) {
        long rows = 0;
        for (Section s : sections) {
            rows += (s.header() ? 1 : 0) + s.visibleUsers();
        }
        return rows;
    }

    /** The rows from {@code first}, at most {@code size} of them. */
    static List<Slot> page(List<Section> sections, long first, int size) {
        long end = first + size;
        List<Slot> slots = new ArrayList<>(size);
        long position = 0;
        long users = 0;
        for (Section s : sections) {
            if (position >= end) {
                break;
            }
            if (s.header()) {
                if (position >= first) {
                    slots.add(new Slot(s, -1));
                }
                position++;
            }
            long visible = s.visibleUsers();
            long from = Math.max(position, first);
            long to = Math.min(position + visible, end);
            for (long p = from; p < to; p++) {
                slots.add(new Slot(s, users + (p - position)));
            }
            position += visible;
            users += visible;
        }
        return slots;
    }
}

package io.vpbx.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.internal.UserTreeLayout.Section;
import io.vpbx.application.internal.UserTreeLayout.Slot;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTreeLayoutTest {
    private static final Section ACCOUNTING = new Section(1L, "А", 2, false, true);
    private static final Section SALES = new Section(2L, "Б", 3, false, true);
    private static final Section EMPTY = new Section(3L, "В", 0, false, true);
    private static final Section UNGROUPED = new Section(null, null, 4, false, true);

    /** "h:А" for a header, "u3" for the fourth user of the users' query. */
    private static List<String> rows(List<Slot> slots) {
        return slots.stream()
                .map(
                        s ->
                                s.isHeader()
                                        ? "h:"
                                                + (s.section().name() == null
                                                        ? "-"
                                                        : s.section().name())
                                        : "u" + s.userIndex())
                .toList();
    }

    @Test
    void eachGroupsHeaderPrecedesItsUsersAndTheUngroupedComeLast() {
        List<Section> tree = List.of(ACCOUNTING, SALES, EMPTY, UNGROUPED);

        assertThat(UserTreeLayout.rowCount(tree)).isEqualTo(4 + 2 + 3 + 4);
        assertThat(rows(UserTreeLayout.page(tree, 0, 50)))
                .containsExactly(
                        "h:А", "u0", "u1", "h:Б", "u2", "u3", "u4", "h:В", "h:-", "u5", "u6", "u7",
                        "u8");
    }

    @Test
    void aPageStartingInsideAGroupContinuesItsUsersAtTheRightOffset() {
        List<Section> tree = List.of(ACCOUNTING, SALES, EMPTY, UNGROUPED);

        assertThat(rows(UserTreeLayout.page(tree, 2, 4))).containsExactly("u1", "h:Б", "u2", "u3");
        assertThat(rows(UserTreeLayout.page(tree, 6, 4))).containsExactly("u4", "h:В", "h:-", "u5");
        assertThat(rows(UserTreeLayout.page(tree, 12, 4))).containsExactly("u8");
        assertThat(UserTreeLayout.page(tree, 13, 4)).isEmpty();
    }

    @Test
    void aCollapsedGroupKeepsItsHeaderAndTheFollowingUsersMoveUp() {
        Section collapsed = new Section(1L, "А", 2, true, true);
        List<Section> tree = List.of(collapsed, SALES, UNGROUPED);

        assertThat(UserTreeLayout.rowCount(tree)).isEqualTo(3 + 3 + 4);
        // The users' query leaves the collapsed group's members out, so its first row is Б's.
        assertThat(rows(UserTreeLayout.page(tree, 0, 6)))
                .containsExactly("h:А", "h:Б", "u0", "u1", "u2", "h:-");
    }

    @Test
    void usersWithoutAHeaderCannotBeCollapsed() {
        Section alone = new Section(null, null, 3, true, false);

        assertThat(UserTreeLayout.rowCount(List.of(alone))).isEqualTo(3);
        assertThat(rows(UserTreeLayout.page(List.of(alone), 1, 5))).containsExactly("u1", "u2");
    }
}

package io.vpbx.application.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserListQueryTest {
    @Test
    void searchesShorterThanThreeCharactersMatchEverybody() {
        assertThat(new UserListQuery("ив", null, true, 0, 50).search()).isNull();
        assertThat(new UserListQuery("  ив  ", null, true, 0, 50).search()).isNull();
        assertThat(new UserListQuery(" ива ", null, true, 0, 50).search()).isEqualTo("ива");
    }

    @Test
    void theExtensionIsTheDefaultOrderAndPagesAreBounded() {
        UserListQuery query = new UserListQuery(null, null, true, -5, 10_000);

        assertThat(query.sort()).isEqualTo(UserListQuery.SortKey.EXTENSION);
        assertThat(query.first()).isZero();
        assertThat(query.pageSize()).isEqualTo(UserListQuery.MAX_PAGE);
        assertThat(new UserListQuery(null, null, true, 0, 0).pageSize()).isEqualTo(1);
    }
}

package io.vpbx.web.domain;

import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.PickupGroupsService;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * «Новая группа перехвата» (spec B BR-29, D6): a name, the domain's users on the left (searched
 * from three characters), the chosen members on the right, and the domain's pickup code with a link
 * to where it is changed. Members already in another group move to the new one.
 */
@Named
@ViewScoped
public class PickupGroupDialog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many users the left list shows at once; the search narrows a large domain. */
    static final int CANDIDATES = 20;

    @Inject private transient PickupGroupsService pickupGroups;
    @Inject private transient DomainUsersService users;
    @Inject private transient DomainConsoleService console;
    @Inject private UserListView list;

    private String name;
    private String search;
    private String pickupCode;
    private List<UserRow> candidates;
    private final Map<Long, UserRow> members = new LinkedHashMap<>();

    /** Every user the left list has shown, by id: what a click can name. */
    private final Map<Long, UserRow> shown = new HashMap<>();

    /** Opens the dialog empty. */
    public void start() {
        name = null;
        search = null;
        members.clear();
        candidates = null;
        pickupCode = console.pickupCode();
    }

    public String getPickupCode() {
        if (pickupCode == null) {
            pickupCode = console.pickupCode();
        }
        return pickupCode;
    }

    /** The users to choose from: the search's first matches (or the first by name), not chosen. */
    public List<UserRow> getCandidates() {
        if (candidates == null) {
            candidates =
                    users
                            .listUsers(
                                    new UserListQuery(
                                            search,
                                            UserListQuery.SortKey.NAME,
                                            true,
                                            0,
                                            CANDIDATES + members.size()))
                            .stream()
                            .filter(u -> !members.containsKey(u.userId()))
                            .limit(CANDIDATES)
                            .toList();
            candidates.forEach(u -> shown.put(u.userId(), u));
        }
        return candidates;
    }

    public List<UserRow> getMembers() {
        return new ArrayList<>(members.values());
    }

    /**
     * A click on a user of the left list, named by id as in {@link CallGroupMemberPicker#add()}.
     */
    public void add() {
        UserRow user = shown.get(CallGroupMemberPicker.clickedUserId());
        if (user != null) {
            members.put(user.userId(), user);
            candidates = null;
        }
    }

    public void remove() {
        members.remove(CallGroupMemberPicker.clickedUserId());
        candidates = null;
    }

    /** The left list follows the search box. */
    public void searchChanged() {
        candidates = null;
    }

    /** Whether the search is long enough to filter (three characters, spec B BR-4). */
    public boolean isSearchShort() {
        return search != null
                && !search.isBlank()
                && search.strip().length() < UserListQuery.MIN_SEARCH;
    }

    /** «Создать» stays disabled until the name is filled (BR-29). */
    public boolean isReady() {
        return name != null && !name.isBlank();
    }

    public void create() {
        List<Long> ids = new ArrayList<>(members.keySet());
        if (UiActions.attempt(
                () -> pickupGroups.createGroup(name, ids),
                Map.of("name", "pickupGroupForm:name"))) {
            list.groupsChanged();
            UiActions.info("pickupGroups.created", name.strip(), ids.size());
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}

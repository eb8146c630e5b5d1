package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupRef;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two lists of the call-group dialogs (spec C S2 «Новая группа», S3.1 «Добавить участников»,
 * BR-A5, BR-H1): the domain's users on the left, searched from three characters, the chosen members
 * on the right; a click moves a user across. Each user shows their name, login, extension, call
 * groups and whether they are an operator. Nothing is saved here: the dialog's button does it.
 */
public class CallGroupMemberPicker implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many users the left list shows at once; the search narrows a large domain. */
    static final int CANDIDATES = 20;

    /** A user in either list. @param groups their call groups, comma-separated; empty: none */
    public record PickedUser(
            long userId,
            String displayName,
            String login,
            String extension,
            boolean operator,
            String groups)
            implements Serializable {}

    /** The request parameter naming the user clicked in either list. */
    public static final String USER_PARAM = "pickedUser";

    private String search;

    /** Every user the left list has shown, by id: what a click can name. */
    private final Map<Long, PickedUser> shown = new HashMap<>();

    private final Map<Long, PickedUser> chosen = new LinkedHashMap<>();
    private transient List<PickedUser> candidates;

    /** Starts over with these members on the right. */
    public void reset(List<PickedUser> members) {
        search = null;
        chosen.clear();
        members.forEach(m -> chosen.put(m.userId(), m));
        candidates = null;
    }

    /** The left list: the search's first matches (or the first by name) that are not chosen. */
    public List<PickedUser> candidates(DomainUsersService users, CallGroupsService groups) {
        if (candidates == null) {
            List<UserRow> rows =
                    users
                            .listUsers(
                                    new UserListQuery(
                                            search,
                                            UserListQuery.SortKey.NAME,
                                            true,
                                            0,
                                            CANDIDATES + chosen.size()))
                            .stream()
                            .filter(u -> !chosen.containsKey(u.userId()))
                            .limit(CANDIDATES)
                            .toList();
            Map<Long, List<CallGroupRef>> groupsOf =
                    groups.groupsOf(rows.stream().map(UserRow::userId).toList());
            candidates =
                    rows.stream()
                            .map(
                                    u ->
                                            new PickedUser(
                                                    u.userId(),
                                                    u.displayName(),
                                                    u.login(),
                                                    u.extension(),
                                                    u.operator(),
                                                    groupsOf
                                                            .getOrDefault(u.userId(), List.of())
                                                            .stream()
                                                            .map(CallGroupRef::name)
                                                            .collect(Collectors.joining(", "))))
                            .toList();
        }
        candidates.forEach(c -> shown.put(c.userId(), c));
        return candidates;
    }

    public List<PickedUser> getChosen() {
        return new ArrayList<>(chosen.values());
    }

    public List<Long> chosenIds() {
        return new ArrayList<>(chosen.keySet());
    }

    /**
     * A click on a user of the left list. The user is named by the id the page showed (a request
     * parameter {@value #USER_PARAM}), not by the row's position, which a list re-read since it was
     * shown (the search answered meanwhile) would point at someone else.
     */
    public void add() {
        PickedUser user = shown.get(clickedUserId());
        if (user != null) {
            chosen.put(user.userId(), user);
            candidates = null;
        }
    }

    /** ✕ on a user of the right list, named like {@link #add()}. */
    public void remove() {
        chosen.remove(clickedUserId());
        candidates = null;
    }

    /**
     * The user a click in a picker list names: the {@value #USER_PARAM} parameter the page rendered
     * with the row; null when absent or not a number.
     */
    static Long clickedUserId() {
        String id =
                FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .get(USER_PARAM);
        try {
            return id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The left list follows the search box. */
    public void searchChanged() {
        candidates = null;
    }

    /** Whether the search is too short to filter (three characters, spec B BR-4). */
    public boolean isSearchShort() {
        return search != null
                && !search.isBlank()
                && search.strip().length() < UserListQuery.MIN_SEARCH;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}

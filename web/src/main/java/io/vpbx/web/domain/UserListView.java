package io.vpbx.web.domain;

import io.vpbx.application.groups.CallGroupRef;
import io.vpbx.application.groups.CallGroupRow;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.PickupGroupRow;
import io.vpbx.application.users.PickupGroupsService;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserTreeQuery;
import io.vpbx.application.users.UserTreeRow;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * «Пользователи» (spec B §7.1, §7.2): the domain's users as the tree of BR-1, pickup groups first
 * (each collapsible, with rename and delete), then the users in no group, a page at a time (a
 * domain may have 10,000), searched from three characters, with a bulk bar to move the selected
 * users to a pickup group or delete them, and the «Новый пользователь» dialog. The «Новая группа
 * перехвата» dialog is {@link PickupGroupDialog}.
 *
 * <p>Call groups on this page: each user's groups in their row (BR-2), «В группу» moving the
 * selected users into exactly one group (BR-7, dialog D1), the side block of the first groups
 * (BR-5), the delete confirmation naming the groups the deletion leaves without members (BR-34),
 * and the groups a new user joins (BR-17, optional: a new domain has none).
 */
@Named
@ViewScoped
public class UserListView implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,5}");
    private static final String GENERATED_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** The «Без группы» choice of the bulk move (group ids are numbers). */
    public static final String NO_GROUP = "none";

    /** How many call groups the side block lists (BR-5: «the first few»). */
    public static final int SIDE_GROUPS = 5;

    @Inject private transient DomainUsersService service;
    @Inject private transient PickupGroupsService pickupGroups;
    @Inject private transient CallGroupsService callGroups;

    private String search;
    private final Map<Long, Boolean> selected = new HashMap<>();
    private Long total;
    private final Users users = new Users();

    private final Set<Long> collapsed = new HashSet<>();
    private boolean ungroupedCollapsed;
    private List<PickupGroupRow> groups;
    private String moveTarget;
    private Long editedGroupId;
    private String editedGroupName;
    private String groupName;
    private transient List<CallGroupRow> callGroupRows;
    private Long callGroupTarget;
    private transient List<CallGroupRef> leftEmpty = List.of();
    private Long[] newUserGroups = new Long[0];

    private String login;
    private String displayName;
    private String extension;
    private String jobTitle;
    private String password;
    private String passwordRepeat;
    private String email;
    private boolean recordCalls;
    private boolean admin;
    private boolean voicemailToEmail;
    private boolean operator;
    private boolean sendCredentials;

    /** The tree's rows (group headers and users), loaded by the table page by page. */
    public final class Users extends LazyDataModel<UserTreeRow> {
        private static final long serialVersionUID = 1L;

        private UserListQuery.SortKey key;
        private boolean ascending = true;
        private transient List<UserTreeRow> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) service.countTreeRows(query(0, 1));
        }

        @Override
        public List<UserTreeRow> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            key = null;
            ascending = true;
            for (SortMeta sort : sortBy.values()) {
                if (sort.getOrder() != SortOrder.UNSORTED) {
                    key = UserListQuery.SortKey.valueOf(sort.getField());
                    ascending = sort.getOrder() != SortOrder.DESCENDING;
                }
                break;
            }
            page = service.userTree(query(first, pageSize));
            return page;
        }

        /** The users of the page shown last. */
        private List<Long> userIdsOnPage() {
            if (page == null) {
                return List.of();
            }
            return page.stream()
                    .filter(r -> r.kind() == UserTreeRow.Kind.USER)
                    .map(r -> r.user().userId())
                    .toList();
        }

        private UserTreeQuery query(int first, int pageSize) {
            return new UserTreeQuery(
                    search, key, ascending, collapsed, ungroupedCollapsed, first, pageSize);
        }

        @Override
        public String getRowKey(UserTreeRow row) {
            return row.key();
        }
    }

    public Users getUsers() {
        return users;
    }

    /** All users of the domain, the M of «Выбрано N из M». */
    public long getTotal() {
        if (total == null) {
            total = service.countAllUsers();
        }
        return total;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    /** Whether the search is long enough to filter (three characters, spec B BR-4). */
    public boolean isSearchShort() {
        return search != null
                && !search.isBlank()
                && search.strip().length() < UserListQuery.MIN_SEARCH;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    private List<Long> selectedIds() {
        return selected.entrySet().stream()
                .filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The header checkbox: every user of the page shown is selected. */
    public boolean isPageSelected() {
        List<Long> ids = users.userIdsOnPage();
        return !ids.isEmpty() && ids.stream().allMatch(id -> Boolean.TRUE.equals(selected.get(id)));
    }

    /** Ticking the header checkbox selects the page's users; unticking it deselects them. */
    public void setPageSelected(boolean pageSelected) {
        for (Long id : users.userIdsOnPage()) {
            selected.put(id, pageSelected);
        }
    }

    public int getSelectedCount() {
        return selectedIds().size();
    }

    public void clearSelection() {
        selected.clear();
    }

    /**
     * «Удалить» on the bulk bar: before the confirmation opens, the groups that would be left
     * without members are looked up, so the confirmation can name them (BR-34, AT-26).
     */
    public void prepareDelete() {
        List<Long> ids = selectedIds();
        List<CallGroupRef> found = new ArrayList<>();
        if (!UiActions.attempt(() -> found.addAll(callGroups.groupsLeftEmptyWithout(ids)))) {
            found.clear();
        }
        leftEmpty = found;
    }

    /** The call groups the confirmed deletion leaves with no member. */
    public List<CallGroupRef> getLeftEmpty() {
        return leftEmpty == null ? List.of() : leftEmpty;
    }

    /** Their names, for the confirmation's sentence. */
    public String getLeftEmptyNames() {
        return String.join(", ", getLeftEmpty().stream().map(CallGroupRef::name).toList());
    }

    public void deleteSelected() {
        List<Long> ids = selectedIds();
        int[] deleted = new int[1];
        if (UiActions.attempt(() -> deleted[0] = service.deleteUsers(ids))) {
            selected.clear();
            groupsChanged();
            UiActions.info("users.deleted", deleted[0]);
        }
    }

    /** Clicking a group's name (or «Без группы») hides its users, or shows them again (BR-1). */
    public void toggle(UserTreeRow header) {
        if (header.kind() == UserTreeRow.Kind.NO_GROUP) {
            ungroupedCollapsed = !ungroupedCollapsed;
        } else if (header.groupId() != null && !collapsed.remove(header.groupId())) {
            collapsed.add(header.groupId());
        }
    }

    /** The domain's pickup groups, for the bulk move's dropdown. */
    public List<PickupGroupRow> getPickupGroups() {
        if (groups == null) {
            groups = pickupGroups.listGroups();
        }
        return groups;
    }

    /** A pickup group was created, renamed or deleted, or users moved: lists are read again. */
    public void groupsChanged() {
        groups = null;
        callGroupRows = null;
        total = null;
    }

    /** The domain's call groups by name: the D1 table, the side block, the create dialog. */
    public List<CallGroupRow> getCallGroups() {
        if (callGroupRows == null) {
            callGroupRows = callGroups.listGroups();
        }
        return callGroupRows;
    }

    /** The side block's first groups (BR-5). */
    public List<CallGroupRow> getSideGroups() {
        List<CallGroupRow> all = getCallGroups();
        return all.subList(0, Math.min(SIDE_GROUPS, all.size()));
    }

    /** «В группу» opens D1 with nothing chosen. */
    public void startMoveToCallGroup() {
        callGroupRows = null;
        callGroupTarget = null;
    }

    /** The group chosen in D1's table. */
    public CallGroupRow getCallGroupSelection() {
        if (callGroupTarget == null) {
            return null;
        }
        return getCallGroups().stream()
                .filter(g -> g.id() == callGroupTarget)
                .findFirst()
                .orElse(null);
    }

    public void setCallGroupSelection(CallGroupRow selection) {
        callGroupTarget = selection == null ? null : selection.id();
    }

    /** D1's «Сохранить»: the selected users are in the chosen group and in no other (BR-7). */
    public void moveToCallGroup() {
        CallGroupRow target = getCallGroupSelection();
        if (target == null) {
            UiActions.error(null, "userGroups.chooseGroup");
            return;
        }
        List<Long> ids = selectedIds();
        int[] moved = new int[1];
        if (UiActions.attempt(() -> moved[0] = callGroups.moveUsers(ids, target.id()))) {
            selected.clear();
            callGroupTarget = null;
            groupsChanged();
            UiActions.info("userGroups.moved", moved[0], target.name());
        }
    }

    public String getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(String moveTarget) {
        this.moveTarget = moveTarget;
    }

    /** «В группу перехвата» → «Применить»: the selected users into the chosen group, or none. */
    public void moveSelected() {
        if (moveTarget == null || moveTarget.isBlank()) {
            UiActions.error("usersForm:moveTarget", "pickupGroups.chooseTarget");
            return;
        }
        Long target = NO_GROUP.equals(moveTarget) ? null : Long.valueOf(moveTarget);
        List<Long> ids = selectedIds();
        int[] moved = new int[1];
        if (UiActions.attempt(() -> moved[0] = pickupGroups.moveUsers(ids, target))) {
            selected.clear();
            moveTarget = null;
            groupsChanged();
            UiActions.info("pickupGroups.moved", moved[0]);
        }
    }

    /** The pencil in a group's row: the rename dialog with the current name. */
    public void startEditGroup(UserTreeRow header) {
        editedGroupId = header.groupId();
        editedGroupName = header.groupName();
        groupName = header.groupName();
    }

    public String getEditedGroupName() {
        return editedGroupName;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    /** «Переименовать». */
    public void renameGroup() {
        if (UiActions.attempt(
                () -> pickupGroups.renameGroup(editedGroupId, groupName),
                Map.of("name", "renameGroupForm:groupName"))) {
            groupsChanged();
            UiActions.info("pickupGroups.renamed", groupName.strip());
        }
    }

    /** The bin in a group's row, confirmed: the group goes, its users stay in no group. */
    public void deleteGroup() {
        int[] members = new int[1];
        if (UiActions.attempt(() -> members[0] = pickupGroups.deleteGroup(editedGroupId))) {
            collapsed.remove(editedGroupId);
            groupsChanged();
            UiActions.info("pickupGroups.deleted", editedGroupName, members[0]);
        }
    }

    /** Opens the «Новый пользователь» dialog with the next free extension filled in. */
    public void startCreate() {
        login = null;
        displayName = null;
        jobTitle = null;
        password = null;
        passwordRepeat = null;
        email = null;
        recordCalls = false;
        admin = false;
        voicemailToEmail = false;
        operator = false;
        sendCredentials = false;
        newUserGroups = new Long[0];
        callGroupRows = null;
        extension = service.nextFreeExtension();
    }

    /** «Сгенерировать»: a password that satisfies the policy, shown in both fields. */
    public void generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            s.append(GENERATED_CHARS.charAt(random.nextInt(GENERATED_CHARS.length())));
        }
        s.append(random.nextInt(10)).append(GENERATED_CHARS.charAt(random.nextInt(24)));
        password = s.toString();
        passwordRepeat = password;
    }

    /** Whether every required field holds a valid value («Создать» is disabled until then). */
    public boolean isCreateReady() {
        if (login == null || !LOGIN.matcher(login.strip()).matches()) {
            return false;
        }
        if (displayName == null || displayName.isBlank()) {
            return false;
        }
        if (extension != null
                && !extension.isBlank()
                && !EXTENSION.matcher(extension.strip()).matches()) {
            return false;
        }
        if (password == null || !password.equals(passwordRepeat)) {
            return false;
        }
        try {
            PasswordPolicy.check(password);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public void create() {
        NewDomainUser user =
                new NewDomainUser(
                        extension,
                        displayName,
                        login == null ? null : login.strip(),
                        email,
                        jobTitle,
                        password,
                        recordCalls,
                        admin,
                        voicemailToEmail,
                        operator,
                        sendCredentials,
                        FacesContext.getCurrentInstance().getViewRoot().getLocale(),
                        newUserGroups == null ? List.of() : Arrays.asList(newUserGroups));
        if (UiActions.attempt(
                () -> {
                    PasswordPolicy.checkWithRepeat(password, passwordRepeat);
                    service.createUser(user);
                },
                Map.of(
                        "login", "createForm:login",
                        "displayName", "createForm:displayName",
                        "extension", "createForm:extension",
                        "jobTitle", "createForm:jobTitle",
                        "email", "createForm:email",
                        "password", "createForm:password",
                        "passwordRepeat", "createForm:passwordRepeat",
                        "callGroups", "createForm:callGroups"))) {
            groupsChanged();
            UiActions.info("users.created", user.login(), user.extension());
            if (sendCredentials) {
                UiActions.info("users.credentialsMailed", user.email());
            }
        }
    }

    /** The call groups the new user joins; none is allowed (BR-17, see the admin guide). */
    public Long[] getNewUserGroups() {
        return newUserGroups;
    }

    public void setNewUserGroups(Long[] newUserGroups) {
        this.newUserGroups = newUserGroups;
    }

    public boolean isVoicemailToEmail() {
        return voicemailToEmail;
    }

    public void setVoicemailToEmail(boolean voicemailToEmail) {
        this.voicemailToEmail = voicemailToEmail;
    }

    public boolean isOperator() {
        return operator;
    }

    public void setOperator(boolean operator) {
        this.operator = operator;
    }

    public boolean isSendCredentials() {
        return sendCredentials;
    }

    public void setSendCredentials(boolean sendCredentials) {
        this.sendCredentials = sendCredentials;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeat() {
        return passwordRepeat;
    }

    public void setPasswordRepeat(String passwordRepeat) {
        this.passwordRepeat = passwordRepeat;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isRecordCalls() {
        return recordCalls;
    }

    public void setRecordCalls(boolean recordCalls) {
        this.recordCalls = recordCalls;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
}

package io.vpbx.web.domain;

import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.model.security.PasswordPolicy;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * «Пользователи» (spec B §7.1, §7.2): the domain's users a page at a time (a domain may have
 * 10,000), searched from three characters, with a bulk bar to delete the selected ones and the
 * «Новый пользователь» dialog. Pickup groups do not exist yet, so the list is flat.
 */
@Named
@ViewScoped
public class UserListView implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,5}");
    private static final String GENERATED_CHARS =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject private transient DomainUsersService service;

    private String search;
    private final Map<Long, Boolean> selected = new HashMap<>();
    private Long total;
    private final Users users = new Users();

    private String login;
    private String displayName;
    private String extension;
    private String jobTitle;
    private String password;
    private String passwordRepeat;
    private String email;
    private boolean recordCalls;
    private boolean admin;

    /** The list's rows, loaded by the table page by page. */
    public final class Users extends LazyDataModel<UserRow> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) service.countUsers(search);
        }

        @Override
        public List<UserRow> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            UserListQuery.SortKey key = UserListQuery.SortKey.EXTENSION;
            boolean ascending = true;
            for (SortMeta sort : sortBy.values()) {
                key = UserListQuery.SortKey.valueOf(sort.getField());
                ascending = sort.getOrder() != SortOrder.DESCENDING;
                break;
            }
            return service.listUsers(new UserListQuery(search, key, ascending, first, pageSize));
        }

        @Override
        public String getRowKey(UserRow row) {
            return Long.toString(row.userId());
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

    public int getSelectedCount() {
        return selectedIds().size();
    }

    public void clearSelection() {
        selected.clear();
    }

    public void deleteSelected() {
        List<Long> ids = selectedIds();
        int[] deleted = new int[1];
        if (UiActions.attempt(() -> deleted[0] = service.deleteUsers(ids))) {
            selected.clear();
            total = null;
            UiActions.info("users.deleted", deleted[0]);
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
                        admin);
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
                        "passwordRepeat", "createForm:passwordRepeat"))) {
            total = null;
            UiActions.info("users.created", user.login(), user.extension());
        }
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

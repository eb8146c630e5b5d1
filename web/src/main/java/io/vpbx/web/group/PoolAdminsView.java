package io.vpbx.web.group;

import io.vpbx.application.pool.PoolAdminForm;
import io.vpbx.application.pool.PoolAdminView;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.SubgroupNode;
import io.vpbx.model.tenancy.AccountStatus;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The pool's administrators (spec A SCR-P5), for supervisors: the list, and one dialog to create or
 * edit an admin. Login and role are only editable when creating; a blank password on edit keeps the
 * old one.
 */
@Named
@ViewScoped
public class PoolAdminsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient PoolAdminsService poolAdmins;

    private List<PoolAdminView> admins;
    private List<SubgroupNode> subgroups;

    private PoolAdminView edited;
    private String login;
    private String displayName;
    private String email;
    private String phone;
    private String password;
    private String passwordRepeat;
    private boolean supervisor;
    private boolean blocked;
    private List<Long> subgroupIds = new ArrayList<>();
    private boolean sendCredentials;

    public List<PoolAdminView> getAdmins() {
        if (admins == null) {
            admins = poolAdmins.listAdmins();
        }
        return admins;
    }

    public List<SubgroupNode> getSubgroups() {
        if (subgroups == null) {
            subgroups = poolAdmins.grantableSubgroups();
        }
        return subgroups;
    }

    public void openCreate() {
        edited = null;
        login = null;
        displayName = null;
        email = null;
        phone = null;
        password = null;
        passwordRepeat = null;
        supervisor = false;
        blocked = false;
        subgroupIds = new ArrayList<>();
        sendCredentials = false;
    }

    public void openEdit(PoolAdminView admin) {
        edited = admin;
        login = admin.login();
        displayName = admin.displayName();
        email = admin.email();
        phone = admin.phone();
        password = null;
        passwordRepeat = null;
        supervisor = admin.supervisorRole();
        blocked = admin.status() == AccountStatus.BLOCKED;
        subgroupIds = new ArrayList<>(admin.subgroupIds());
        sendCredentials = false;
    }

    public boolean isEditing() {
        return edited != null;
    }

    public void save() {
        PoolAdminForm form =
                new PoolAdminForm(
                        login,
                        displayName,
                        email,
                        phone,
                        password,
                        passwordRepeat,
                        supervisor,
                        blocked,
                        new HashSet<>(subgroupIds),
                        sendCredentials,
                        FacesContext.getCurrentInstance().getViewRoot().getLocale());
        String f = "adminForm:";
        Map<String, String> fields =
                Map.of(
                        "login", f + "login",
                        "displayName", f + "displayName",
                        "email", f + "email",
                        "phone", f + "phone",
                        "password", f + "password",
                        "passwordRepeat", f + "passwordRepeat",
                        "blocked", f + "blocked");
        boolean saved =
                edited == null
                        ? UiActions.attempt(() -> poolAdmins.createAdmin(form), fields)
                        : UiActions.attempt(
                                () -> poolAdmins.editAdmin(edited.id(), edited.version(), form),
                                fields);
        if (saved) {
            UiActions.info(edited == null ? "group.admins.created" : "group.admins.saved", login);
            admins = null;
        }
    }

    public void delete() {
        if (UiActions.attempt(() -> poolAdmins.deleteAdmin(edited.id()))) {
            UiActions.info("group.admins.deleted");
            admins = null;
        }
    }

    public PoolAdminView getEdited() {
        return edited;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
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

    public boolean isSupervisor() {
        return supervisor;
    }

    public void setSupervisor(boolean supervisor) {
        this.supervisor = supervisor;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    public List<Long> getSubgroupIds() {
        return subgroupIds;
    }

    public void setSubgroupIds(List<Long> subgroupIds) {
        this.subgroupIds = subgroupIds;
    }

    public boolean isSendCredentials() {
        return sendCredentials;
    }

    public void setSendCredentials(boolean sendCredentials) {
        this.sendCredentials = sendCredentials;
    }
}

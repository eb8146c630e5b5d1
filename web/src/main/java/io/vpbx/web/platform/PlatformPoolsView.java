package io.vpbx.web.platform;

import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewPool;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.platform.PoolSummary;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The operator's pools page: the list and the "new pool" dialog with its first supervisor. */
@Named
@ViewScoped
public class PlatformPoolsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient PlatformService platform;

    private List<PoolSummary> pools;
    private String name;
    private int routingNumberLength = 4;
    private String login;
    private String displayName;
    private String email;
    private String password;
    private String passwordRepeat;
    private boolean sendCredentials = true;

    public List<PoolSummary> getPools() {
        if (pools == null) {
            pools = platform.listPools();
        }
        return pools;
    }

    public void prepareNew() {
        name = null;
        routingNumberLength = 4;
        login = null;
        displayName = null;
        email = null;
        password = null;
        passwordRepeat = null;
        sendCredentials = true;
    }

    public void create() {
        String form = "newPoolForm:";
        boolean created =
                UiActions.attempt(
                        () ->
                                platform.createPool(
                                        new NewPool(
                                                name,
                                                routingNumberLength,
                                                new NewAccount(
                                                        login,
                                                        displayName,
                                                        email,
                                                        password,
                                                        passwordRepeat),
                                                sendCredentials,
                                                FacesContext.getCurrentInstance()
                                                        .getViewRoot()
                                                        .getLocale())),
                        Map.of(
                                "name", form + "name",
                                "routingNumberLength", form + "routingLength",
                                "login", form + "login",
                                "displayName", form + "displayName",
                                "email", form + "email",
                                "password", form + "password",
                                "passwordRepeat", form + "passwordRepeat"));
        if (created) {
            UiActions.info("platform.pools.created", name);
            pools = null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getRoutingNumberLength() {
        return routingNumberLength;
    }

    public void setRoutingNumberLength(int routingNumberLength) {
        this.routingNumberLength = routingNumberLength;
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

    public boolean isSendCredentials() {
        return sendCredentials;
    }

    public void setSendCredentials(boolean sendCredentials) {
        this.sendCredentials = sendCredentials;
    }
}

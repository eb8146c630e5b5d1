package io.vpbx.web.platform;

import io.vpbx.application.platform.DomainProfile;
import io.vpbx.application.platform.DomainView;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.platform.PoolSummary;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's domains page: search, the "new domain" dialog (with its first admin), and the edit
 * dialog for names, routing number, account number, limits and status.
 */
@Named
@ViewScoped
public class PlatformDomainsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient PlatformService platform;

    private String search;
    private List<DomainView> domains;
    private List<PoolSummary> pools;

    // The "new domain" form.
    private String sipDomain;
    private String displayName;
    private String companyName;
    private Long poolId;
    private String appId;
    private String routingNumber;
    private String personalAccountNumber;
    private String notificationEmail;
    private int maxUsers = 50;
    private int maxChannels = 10;
    private String adminLogin = "admin";
    private String adminName;
    private String adminEmail;
    private String adminPassword;
    private String adminPasswordRepeat;
    private boolean sendCredentials = true;

    // The edit form.
    private long editId;
    private long editVersion;
    private String editSipDomain;
    private boolean editPooled;
    private DomainStatus editStatus;

    public void find() {
        domains = null;
    }

    public List<DomainView> getDomains() {
        if (domains == null) {
            domains = platform.findDomains(search);
        }
        return domains;
    }

    public List<PoolSummary> getPools() {
        if (pools == null) {
            pools = platform.listPools();
        }
        return pools;
    }

    public DomainStatus[] getStatuses() {
        return DomainStatus.values();
    }

    public void prepareNew() {
        sipDomain = null;
        displayName = null;
        companyName = null;
        poolId = null;
        appId = null;
        routingNumber = null;
        personalAccountNumber = null;
        notificationEmail = null;
        maxUsers = 50;
        maxChannels = 10;
        adminLogin = "admin";
        adminName = null;
        adminEmail = null;
        adminPassword = null;
        adminPasswordRepeat = null;
        sendCredentials = true;
    }

    public void create() {
        String f = "newDomainForm:";
        Map<String, String> fields = new HashMap<>(profileFields(f));
        fields.putAll(
                Map.of(
                        "sipDomain", f + "sipDomain",
                        "appId", f + "appId",
                        "pool", f + "pool",
                        "login", f + "adminLogin",
                        "adminDisplayName", f + "adminName",
                        "email", f + "adminEmail",
                        "password", f + "adminPassword",
                        "passwordRepeat", f + "adminPasswordRepeat"));
        boolean created =
                UiActions.attempt(
                        () ->
                                platform.createDomain(
                                        new NewDomain(
                                                sipDomain,
                                                displayName,
                                                companyName,
                                                poolId,
                                                appId,
                                                routingNumber,
                                                personalAccountNumber,
                                                notificationEmail,
                                                maxUsers,
                                                maxChannels,
                                                new NewAccount(
                                                        adminLogin,
                                                        adminName,
                                                        adminEmail,
                                                        adminPassword,
                                                        adminPasswordRepeat),
                                                sendCredentials,
                                                FacesContext.getCurrentInstance()
                                                        .getViewRoot()
                                                        .getLocale())),
                        fields);
        if (created) {
            UiActions.info("platform.domains.created", sipDomain);
            domains = null;
        }
    }

    public void edit(DomainView domain) {
        DomainView d = platform.getDomain(domain.id());
        editId = d.id();
        editVersion = d.version();
        editSipDomain = d.sipDomain();
        editPooled = d.poolId() != null;
        displayName = d.displayName();
        companyName = d.companyName();
        routingNumber = d.routingNumber();
        personalAccountNumber = d.personalAccountNumber();
        notificationEmail = d.notificationEmail();
        maxUsers = d.maxUsers();
        maxChannels = d.maxChannels();
        editStatus = d.status();
    }

    public void save() {
        boolean saved =
                UiActions.attempt(
                        () ->
                                platform.editDomainProfile(
                                        editId,
                                        editVersion,
                                        new DomainProfile(
                                                displayName,
                                                companyName,
                                                routingNumber,
                                                personalAccountNumber,
                                                notificationEmail,
                                                maxUsers,
                                                maxChannels,
                                                editStatus)),
                        profileFields("editDomainForm:"));
        if (saved) {
            UiActions.info("platform.domains.saved");
            domains = null;
        }
    }

    private static Map<String, String> profileFields(String form) {
        return Map.of(
                "displayName", form + "displayName",
                "companyName", form + "companyName",
                "routingNumber", form + "routingNumber",
                "personalAccountNumber", form + "personalAccountNumber",
                "notificationEmail", form + "notificationEmail",
                "maxUsers", form + "maxUsers",
                "maxChannels", form + "maxChannels");
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getSipDomain() {
        return sipDomain;
    }

    public void setSipDomain(String sipDomain) {
        this.sipDomain = sipDomain;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public Long getPoolId() {
        return poolId;
    }

    public void setPoolId(Long poolId) {
        this.poolId = poolId;
    }

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getRoutingNumber() {
        return routingNumber;
    }

    public void setRoutingNumber(String routingNumber) {
        this.routingNumber = routingNumber;
    }

    public String getPersonalAccountNumber() {
        return personalAccountNumber;
    }

    public void setPersonalAccountNumber(String personalAccountNumber) {
        this.personalAccountNumber = personalAccountNumber;
    }

    public String getNotificationEmail() {
        return notificationEmail;
    }

    public void setNotificationEmail(String notificationEmail) {
        this.notificationEmail = notificationEmail;
    }

    public int getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    public int getMaxChannels() {
        return maxChannels;
    }

    public void setMaxChannels(int maxChannels) {
        this.maxChannels = maxChannels;
    }

    public String getAdminLogin() {
        return adminLogin;
    }

    public void setAdminLogin(String adminLogin) {
        this.adminLogin = adminLogin;
    }

    public String getAdminName() {
        return adminName;
    }

    public void setAdminName(String adminName) {
        this.adminName = adminName;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public String getAdminPasswordRepeat() {
        return adminPasswordRepeat;
    }

    public void setAdminPasswordRepeat(String adminPasswordRepeat) {
        this.adminPasswordRepeat = adminPasswordRepeat;
    }

    public boolean isSendCredentials() {
        return sendCredentials;
    }

    public void setSendCredentials(boolean sendCredentials) {
        this.sendCredentials = sendCredentials;
    }

    /** Only a domain in a pool has a routing number; the field is hidden for the others. */
    public boolean isEditPooled() {
        return editPooled;
    }

    public String getEditSipDomain() {
        return editSipDomain;
    }

    public DomainStatus getEditStatus() {
        return editStatus;
    }

    public void setEditStatus(DomainStatus editStatus) {
        this.editStatus = editStatus;
    }

    public long getEditVersion() {
        return editVersion;
    }

    public void setEditVersion(long editVersion) {
        this.editVersion = editVersion;
    }
}

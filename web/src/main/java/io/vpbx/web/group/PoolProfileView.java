package io.vpbx.web.group;

import io.vpbx.application.pool.PoolAdminView;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.ProfileForm;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/**
 * The "Profile" dialog (spec A SCR-P3): status, role and login read-only; name, e-mail, phone and
 * password editable. A blank password leaves it unchanged.
 */
@Named
@ViewScoped
public class PoolProfileView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient PoolAdminsService poolAdmins;

    private PoolAdminView profile;
    private String displayName;
    private String email;
    private String phone;
    private String password;
    private String passwordRepeat;

    public void open() {
        profile = poolAdmins.myProfile();
        displayName = profile.displayName();
        email = profile.email();
        phone = profile.phone();
        password = null;
        passwordRepeat = null;
    }

    public void save() {
        String f = "profileForm:";
        if (UiActions.attempt(
                () ->
                        poolAdmins.editMyProfile(
                                profile.version(),
                                new ProfileForm(
                                        displayName, email, phone, password, passwordRepeat)),
                Map.of(
                        "displayName", f + "displayName",
                        "email", f + "email",
                        "phone", f + "phone",
                        "password", f + "password",
                        "passwordRepeat", f + "passwordRepeat"))) {
            UiActions.info("group.profile.saved");
            open();
        }
    }

    public PoolAdminView getProfile() {
        return profile;
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
}

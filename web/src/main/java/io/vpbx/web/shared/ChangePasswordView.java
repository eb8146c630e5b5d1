package io.vpbx.web.shared;

import io.vpbx.application.auth.AuthenticationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The change-password dialog of the platform and domain consoles (spec A SCR-4): current password,
 * new password and its repeat, for whoever is logged in.
 */
@Named
@RequestScoped
public class ChangePasswordView {
    @Inject private AuthenticationService authentication;

    private String currentPassword;
    private String newPassword;
    private String repeat;

    public void change() {
        if (UiActions.attempt(
                () -> authentication.changeMyPassword(currentPassword, newPassword, repeat),
                Map.of(
                        "currentPassword", "changePasswordForm:current",
                        "password", "changePasswordForm:newPassword",
                        "passwordRepeat", "changePasswordForm:repeat"))) {
            UiActions.info("password.changed");
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}

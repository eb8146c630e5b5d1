package io.vpbx.web.domain;

import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.domain.DomainHeader;
import io.vpbx.web.shared.UiActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The domain console's header, and the change-password dialog it opens (spec A SCR-4). */
@Named
@RequestScoped
public class DomainHeaderView {
    @Inject private DomainConsoleService console;

    private DomainHeader header;
    private String currentPassword;
    private String newPassword;
    private String repeat;

    public DomainHeader getHeader() {
        if (header == null) {
            header = console.header();
        }
        return header;
    }

    public void changePassword() {
        if (UiActions.attempt(
                () -> console.changeMyPassword(currentPassword, newPassword, repeat),
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

package io.vpbx.web.domain;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/**
 * The page behind a recovery link: shows the new-password form only while the link is usable, and
 * explains a used or expired link instead.
 */
@Named
@ViewScoped
public class PasswordResetView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient AuthenticationService authentication;

    private String token;
    private boolean usable;
    private boolean done;
    private String password;
    private String repeat;

    public void check() {
        usable = authentication.isRecoveryLinkUsable(token);
        if (!usable) {
            UiActions.error(null, "reset.linkUnusable");
        }
    }

    public void reset() {
        if (UiActions.attempt(
                () -> authentication.resetPassword(token, password, repeat),
                Map.of("password", "resetForm:password", "passwordRepeat", "resetForm:repeat"))) {
            done = true;
            UiActions.info("reset.done");
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isUsable() {
        return usable;
    }

    public boolean isDone() {
        return done;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}

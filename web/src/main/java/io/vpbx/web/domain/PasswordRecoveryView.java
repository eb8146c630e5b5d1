package io.vpbx.web.domain;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.web.shared.UiActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "Forgot password" (spec A BR-7): asks for a recovery link by e-mail. */
@Named
@RequestScoped
public class PasswordRecoveryView {
    @Inject private AuthenticationService authentication;

    private String domain;
    private String login;

    public void recover() {
        if (UiActions.attempt(
                () ->
                        authentication.requestPasswordRecovery(
                                domain,
                                login,
                                FacesContext.getCurrentInstance().getViewRoot().getLocale()))) {
            UiActions.info("recover.sent");
        }
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }
}

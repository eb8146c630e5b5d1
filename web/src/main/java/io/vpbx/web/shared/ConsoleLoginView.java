package io.vpbx.web.shared;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.web.security.Console;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The login forms of the consoles: login and password, plus the domain for the domain console and
 * the personal cabinet (spec A BR-5, BR-8). The domain login page also explains a console jump that
 * did not work ({@code ?jump=<outcome>}).
 */
@Named
@RequestScoped
public class ConsoleLoginView {
    @Inject private AuthenticationService authentication;
    @Inject private LoginOutcomes outcomes;

    private String login;
    private String password;
    private String domain;
    private String jump;

    public void toPlatform() throws IOException {
        outcomes.handle(Console.PLATFORM, authentication.loginToPlatform(login, password));
    }

    public void toPool() throws IOException {
        outcomes.handle(Console.GROUP, authentication.loginToPool(login, password));
    }

    public void toDomain() throws IOException {
        outcomes.handle(Console.DOMAIN, authentication.loginToDomain(domain, login, password));
    }

    /** The personal cabinet: the same three fields as the domain console, for every employee. */
    public void toCabinet() throws IOException {
        outcomes.handle(Console.MY, authentication.loginToCabinet(domain, login, password));
    }

    /** Called when the domain login page loads: a failed jump lands there with its outcome. */
    public void explainJump() {
        if (jump == null) {
            return;
        }
        boolean blocked = LoginResult.Outcome.DOMAIN_BLOCKED.name().equals(jump);
        UiActions.error(null, blocked ? "login.domainBlocked" : "login.linkInvalid");
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getJump() {
        return jump;
    }

    public void setJump(String jump) {
        this.jump = jump;
    }
}

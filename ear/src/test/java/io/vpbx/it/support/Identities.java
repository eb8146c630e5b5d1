package io.vpbx.it.support;

import io.vpbx.application.auth.LoginResult;
import java.util.concurrent.Callable;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Runs code inside the server as the identity a real login produced, exactly as the console's
 * authentication mechanism would establish it for a request: same principal name, same roles, same
 * security domain.
 */
public final class Identities {
    private Identities() {}

    /** Runs {@code work} as the account the login result belongs to. */
    public static <T> T as(LoginResult login, Callable<T> work) throws Exception {
        if (!login.isSuccess()) {
            throw new IllegalStateException("login failed: " + login.outcome());
        }
        SecurityIdentity identity =
                SecurityDomain.getCurrent()
                        .createAdHocIdentity(login.principalName())
                        .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(login.roles())));
        return identity.runAs(work);
    }

    /** Like {@link #as(LoginResult, Callable)} for work without a result. */
    public static void run(LoginResult login, ThrowingRunnable work) throws Exception {
        as(
                login,
                () -> {
                    work.run();
                    return null;
                });
    }

    /** A piece of work that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}

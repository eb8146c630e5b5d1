package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.TenancyFixture;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls between extensions of one domain through the B2BUA, with sipp as both phones: the callee
 * registers, then answers on the port it registered from; the caller authenticates and dials the
 * extension.
 */
@ExtendWith(ArquillianExtension.class)
class CallSipIT {
    private static final AtomicInteger EXTENSIONS = new AtomicInteger(500);
    private static TenancyFixture world;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(CallSipIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;

    private TenancyFixture world() throws Exception {
        synchronized (CallSipIT.class) {
            if (world == null) {
                world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            }
            return world;
        }
    }

    private SipCredentials employee() throws Exception {
        TenancyFixture w = world();
        LoginResult admin = w.adminOf(w.domainA);
        String extension = Integer.toString(EXTENSIONS.incrementAndGet());
        return Identities.as(
                admin,
                () -> {
                    long id =
                            users.createUser(
                                    new NewDomainUser(
                                            extension,
                                            "Employee " + extension,
                                            "emp" + extension,
                                            null));
                    users.changeSipNumber(id, new SipNumberSettings(4, 2, true, true));
                    return users.sipCredentials(id);
                });
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void registerAt(SipCredentials sip, int port) throws Exception {
        Sipp.Result registered =
                Sipp.run(
                        Sipp.Run.of("register.xml")
                                .from("127.0.0.1", port)
                                .fields(sip.domain(), sip.login(), "300")
                                .credentials(sip.login(), sip.password()));
        assertThat(registered.exitCode()).as(registered.output()).isZero();
    }

    @Test
    void anExtensionCallsAnotherWhichAnswersAndTheCallerHangsUp() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = freePort();
        registerAt(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call =
                Sipp.run(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", freePort())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password()));
        Sipp.Result answered = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(answered.log())
                .as("the callee sees the caller's extension and name")
                .contains("Employee " + caller.extension())
                .contains("sip:" + caller.extension() + "@" + caller.domain());
        assertThat(call.log()).contains("answered, callee media");
    }
}

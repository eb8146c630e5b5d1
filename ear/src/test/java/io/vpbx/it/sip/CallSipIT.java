package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Employees;
import io.vpbx.it.support.Ports;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.TenancyFixture;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
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
        return employeeOf(world().domainA, 2, 30);
    }

    private SipCredentials employee(int channels, int ringSeconds) throws Exception {
        return employeeOf(world().domainA, channels, ringSeconds);
    }

    private SipCredentials employeeOf(String domain) throws Exception {
        return employeeOf(domain, 2, 30);
    }

    private SipCredentials employeeOf(String domain, int channels, int ringSeconds)
            throws Exception {
        return Employees.create(
                users,
                world().adminOf(domain),
                Integer.toString(EXTENSIONS.incrementAndGet()),
                new SipNumberSettings(4, channels, true, true, ringSeconds));
    }

    @Test
    void anExtensionCallsAnotherWhichAnswersAndTheCallerHangsUp() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call =
                Sipp.run(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
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
        assertThat(record(caller))
                .isEqualTo(
                        "ANSWERED 200 to="
                                + callee.extension()
                                + " answered=true leg=true INTERNAL"
                                + " dialled="
                                + callee.extension()
                                + " from=Employee "
                                + caller.extension());
    }

    /**
     * The call record of the caller's only call, once the MDB has written it: result, SIP status,
     * callee extension, whether it was answered and whether the answering leg is known.
     */
    private static String record(SipCredentials caller) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Connection c = dataSource.getConnection();
                                    PreparedStatement q =
                                            c.prepareStatement(
                                                    "SELECT result, sip_status, callee_extension,"
                                                            + " answered_at IS NOT NULL,"
                                                            + " callee_call_id IS NOT NULL,"
                                                            + " direction, dialled, caller_name"
                                                            + " FROM call_record"
                                                            + " WHERE caller_extension = ?"
                                                            + " AND domain_id = ?")) {
                                q.setString(1, caller.extension());
                                q.setLong(2, world.domainAId);
                                try (ResultSet rs = q.executeQuery()) {
                                    if (!rs.next()) {
                                        return null;
                                    }
                                    String row =
                                            rs.getString(1)
                                                    + " "
                                                    + rs.getInt(2)
                                                    + " to="
                                                    + rs.getString(3)
                                                    + " answered="
                                                    + rs.getBoolean(4)
                                                    + " leg="
                                                    + rs.getBoolean(5)
                                                    + " "
                                                    + rs.getString(6)
                                                    + " dialled="
                                                    + rs.getString(7)
                                                    + " from="
                                                    + rs.getString(8);
                                    return rs.next() ? "more than one record: " + row : row;
                                }
                            }
                        },
                        row -> row != null);
    }

    private static Sipp.Result call(String scenario, SipCredentials caller, String dialled)
            throws Exception {
        return Sipp.run(
                Sipp.Run.of(scenario)
                        .from("127.0.0.1", Ports.freeUdp())
                        .fields(caller.domain(), caller.login(), dialled)
                        .credentials(caller.login(), caller.password()));
    }

    @Test
    void theCalleeHangsUp() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer-hangup.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-hungup.xml", caller, callee.extension());
        Sipp.Result answered = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true");
    }

    @Test
    void aBusyCalleeGivesTheBusyAnnouncementAsEarlyMediaThen486() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone = Sipp.start(Sipp.Run.of("uas-busy.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-refused.xml", caller, callee.extension());
        Sipp.Result busy = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).containsSubsequence("announcement m=audio", "final 486");
        assertThat(busy.exitCode()).as(busy.output()).isZero();
        assertThat(record(caller))
                .startsWith("BUSY 486 to=" + callee.extension() + " answered=false");
    }

    @Test
    void anUnregisteredCalleeGives480AndAnUnknownNumber404() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();

        Sipp.Result unregistered = call("uac-call-refused.xml", caller, callee.extension());
        assertThat(unregistered.exitCode()).as(unregistered.output()).isZero();
        assertThat(unregistered.log())
                .as("refused before anything rings: at once, no announcement")
                .contains("final 480")
                .doesNotContain("announcement");

        assertThat(record(caller))
                .startsWith("FAILED 480 to=" + callee.extension() + " answered=false");

        SipCredentials another = employee();
        Sipp.Result unknown = call("uac-call-refused.xml", another, "99999");
        assertThat(unknown.exitCode()).as(unknown.output()).isZero();
        assertThat(unknown.log()).contains("final 404");
        assertThat(record(another))
                .startsWith("FAILED 404 to=null answered=false leg=false INTERNAL dialled=99999");
    }

    @Test
    void theCallerCancelsWhileItRings() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-cancelled.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-cancel.xml", caller, callee.extension());
        Sipp.Result rang = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(rang.exitCode()).as(rang.output()).isZero();
        assertThat(record(caller))
                .startsWith("CANCELLED 487 to=" + callee.extension() + " answered=false");
    }

    @Test
    void twoDevicesRingAndTheFirstToAnswerWinsTheOtherIsCancelled() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int desk = Ports.freeUdp();
        int mobile = Ports.freeUdp();
        Sipp.register(callee, desk);
        Sipp.register(callee, mobile);

        Sipp.Running deskPhone = Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", desk));
        Sipp.Running mobilePhone =
                Sipp.start(Sipp.Run.of("uas-ring-cancelled.xml").from("127.0.0.1", mobile));
        Sipp.Result call = call("uac-call.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        Sipp.Result answered = deskPhone.await();
        Sipp.Result cancelled = mobilePhone.await();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true leg=true");
    }

    @Test
    void aCallerThatRequires100relGetsItsRingingReliablyAndItsPrackAnswered() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-100rel.xml", caller, callee.extension());
        Sipp.Result answered = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(call.log()).contains("reliable 180, RSeq ").contains("PRACK answered");
        assertThat(record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true leg=true");
    }

    @Test
    void aRequiredExtensionWeDoNotKnowIsRefusedWith420() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();

        Sipp.Result call = call("uac-call-bad-extension.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).contains("refused, unsupported x-vpbx-unknown");
    }

    @Test
    void anExtensionOfAnotherDomainCannotBeCalled() throws Exception {
        SipCredentials caller = employee();
        SipCredentials stranger = employeeOf(world().domainB);

        Sipp.Result call = call("uac-call-refused.xml", caller, stranger.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).contains("final 404");
    }

    @Test
    void twoRealSoftphonesCallEachOtherWithAudio() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        try (Baresip answering =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        true,
                        null,
                        0)) {
            assertThat(answering.awaitOutput("200 OK", Duration.ofSeconds(15)))
                    .as(answering.output())
                    .isTrue();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            6)) {
                assertThat(calling.awaitExit(Duration.ofSeconds(20))).isTrue();
                // An auto-answering phone may answer without ringing first: no 180 to expect.
                assertThat(calling.output())
                        .contains("Call established: sip:" + callee.extension() + "@")
                        .contains("incoming rtp for 'audio' established")
                        .contains("terminated (duration: ");
            }
            assertThat(answering.output()).contains("answering call");
        }
        assertThat(record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true");
    }

    @Test
    void noAnswerWithinTheCalleesRingTimeGives480RecordedAsNoAnswer() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee(2, 5);
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-cancelled.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-refused.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(phone.await().exitCode()).as("the ringing phone was cancelled").isZero();
        assertThat(record(caller)).startsWith("NO_ANSWER 480 to=" + callee.extension());
    }

    @Test
    void aCalleeWithOneChannelIsBusyForASecondCallAndTwoChannelsLetItThrough() throws Exception {
        SipCredentials single = employee(1, 30);
        int singlePort = Ports.freeUdp();
        Sipp.register(single, singlePort);
        SipCredentials first = employee();
        SipCredentials second = employee();

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", singlePort));
        Sipp.Running talking =
                Sipp.start(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(first.domain(), first.login(), single.extension())
                                .credentials(first.login(), first.password())
                                .talk(4000));
        talking.awaitLog("answered, callee media");
        Sipp.Result refused = call("uac-call-refused.xml", second, single.extension());
        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log()).contains("final 486");
        assertThat(talking.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
        assertThat(record(second)).startsWith("BUSY 486 to=" + single.extension());

        SipCredentials waiting = employee(2, 30);
        int waitingPort = Ports.freeUdp();
        Sipp.register(waiting, waitingPort);
        SipCredentials third = employee();
        SipCredentials fourth = employee();
        Sipp.Running both =
                Sipp.start(Sipp.Run.of("uas-answer.xml").calls(2).from("127.0.0.1", waitingPort));
        Sipp.Running one =
                Sipp.start(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(third.domain(), third.login(), waiting.extension())
                                .credentials(third.login(), third.password())
                                .talk(3000));
        one.awaitLog("answered, callee media");
        Sipp.Result another =
                Sipp.run(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(fourth.domain(), fourth.login(), waiting.extension())
                                .credentials(fourth.login(), fourth.password()));
        assertThat(another.exitCode()).as("call waiting: " + another.output()).isZero();
        assertThat(one.await().exitCode()).isZero();
        assertThat(both.await().exitCode()).isZero();
        assertThat(record(fourth)).startsWith("ANSWERED 200");
    }

    @Test
    void theCallersChannelLimitAppliesToOutgoingCalls() throws Exception {
        SipCredentials caller = employee(1, 30);
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Running talking =
                Sipp.start(
                        Sipp.Run.of("uac-call.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password())
                                .talk(4000));
        talking.awaitLog("answered, callee media");
        Sipp.Result second = call("uac-call-refused.xml", caller, callee.extension());

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.log()).contains("final 486");
        assertThat(talking.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
    }

    @Test
    void holdIsAnsweredByTheServerAndTheHeldPhoneSeesNoReInvite() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        // uas-answer.xml fails on any request but the BYE after its ACK: no re-INVITE may reach it.
        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-hold.xml", caller, callee.extension());
        Sipp.Result held = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(held.exitCode()).as(held.output()).isZero();
        assertThat(call.log()).contains("held: a=recvonly");
        assertThat(record(caller)).startsWith("ANSWERED 200");
    }

    @Test
    void aReInviteWithoutSdpGetsTheServersOfferAndTheAnswerComesInTheAck() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-reinvite-late.xml", caller, callee.extension());
        Sipp.Result reinvited = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(reinvited.exitCode()).as(reinvited.output()).isZero();
        assertThat(call.log()).containsPattern("offer in 200: o=vpbx \\d+ \\d+ IN IP4 127.0.0.1");
        assertThat(record(caller)).startsWith("ANSWERED 200");
    }

    @Test
    void aBlfKeySeesTheLineRingBeInUseAndBeFreeAgain() throws Exception {
        SipCredentials watcher = employee();
        SipCredentials caller = employee();
        SipCredentials watched = employee();
        int watchedPort = Ports.freeUdp();
        Sipp.register(watched, watchedPort);

        Sipp.Running key =
                Sipp.start(
                        Sipp.Run.of("blf-watch.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(watcher.domain(), watcher.login(), watched.extension())
                                .credentials(watcher.login(), watcher.password())
                                .timeout("30s"));
        key.awaitLog("notify free");
        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", watchedPort).talk(1500));
        Sipp.Result call = call("uac-call.xml", caller, watched.extension());
        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(phone.await().exitCode()).isZero();

        Sipp.Result watched1 = key.await();
        assertThat(watched1.exitCode()).as(watched1.output()).isZero();
        assertThat(watched1.log())
                .containsSubsequence(
                        "notify free",
                        "notify ringing <state>early</state>",
                        "notify inuse <state>confirmed</state>",
                        "notify freeagain",
                        "notify ended Subscription-State: terminated");
    }

    @Test
    void aBlfKeyCannotWatchAnotherDomain() throws Exception {
        SipCredentials watcher = employee();
        SipCredentials stranger = employeeOf(world().domainB);

        Sipp.Result refused =
                Sipp.run(
                        Sipp.Run.of("blf-refused.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(
                                        watcher.domain(),
                                        watcher.login(),
                                        stranger.extension(),
                                        stranger.domain())
                                .credentials(watcher.login(), watcher.password()));

        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log()).contains("refused 403");
    }

    @Test
    void aLateOfferGetsTheServersOfferInThe200AndTheCalleeAnOfferInItsInvite() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        // uas-answer.xml insists on an INVITE with an m=audio line (it answers it).
        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Result call = call("uac-call-late.xml", caller, callee.extension());
        Sipp.Result answered = phone.await();

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(call.log()).contains("offer in the 200 m=audio");
        assertThat(record(caller)).startsWith("ANSWERED 200");
    }
}

package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.users.SipCredentials;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.SipCallFixture;
import io.vpbx.it.support.Sipp;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(CallSipIT.class);
    }

    @Inject private SipCallFixture sip;

    /** A call between two new employees of domain A, the callee's phone with its scenario. */
    private record Call(SipCredentials caller, SipCredentials callee, SipCallFixture.Call phones) {
        Sipp.Result call() {
            return phones.caller();
        }
    }

    private Call call(String callerScenario, String calleeScenario) throws Exception {
        return call(callerScenario, sip.employee(), calleeScenario);
    }

    private Call call(String callerScenario, SipCredentials callee, String calleeScenario)
            throws Exception {
        SipCredentials caller = sip.employee();
        return new Call(
                caller,
                callee,
                SipCallFixture.call(caller, callerScenario, callee, calleeScenario));
    }

    private static Sipp.Result dial(String scenario, SipCredentials caller, String dialled)
            throws Exception {
        return Sipp.run(Sipp.Run.call(scenario, caller, dialled));
    }

    /** The caller's only call record, once the MDB has written it. */
    private String record(SipCredentials caller) throws Exception {
        return sip.record(caller);
    }

    @Test
    void anExtensionCallsAnotherWhichAnswersAndTheCallerHangsUp() throws Exception {
        Call c = call("uac-call.xml", "uas-answer.xml");

        assertThat(c.phones().callee().log())
                .as("the callee sees the caller's extension and name")
                .contains("Employee " + c.caller().extension())
                .contains("sip:" + c.caller().extension() + "@" + c.caller().domain());
        assertThat(c.call().log()).contains("answered, callee media");
        assertThat(record(c.caller()))
                .isEqualTo(
                        "ANSWERED 200 to="
                                + c.callee().extension()
                                + " answered=true leg=true INTERNAL"
                                + " dialled="
                                + c.callee().extension()
                                + " from=Employee "
                                + c.caller().extension());
    }

    @Test
    void theCalleeHangsUp() throws Exception {
        Call c = call("uac-call-hungup.xml", "uas-answer-hangup.xml");

        assertThat(record(c.caller()))
                .startsWith("ANSWERED 200 to=" + c.callee().extension() + " answered=true");
    }

    @Test
    void aBusyCalleeGivesTheBusyAnnouncementAsEarlyMediaThen486() throws Exception {
        Call c = call("uac-call-refused.xml", "uas-busy.xml");

        assertThat(c.call().log()).containsSubsequence("announcement m=audio", "final 486");
        assertThat(record(c.caller()))
                .startsWith("BUSY 486 to=" + c.callee().extension() + " answered=false");
    }

    @Test
    void anUnregisteredCalleeGives480AndAnUnknownNumber404() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();

        Sipp.Result unregistered = dial("uac-call-refused.xml", caller, callee.extension());
        assertThat(unregistered.exitCode()).as(unregistered.output()).isZero();
        assertThat(unregistered.log())
                .as("refused before anything rings: at once, no announcement")
                .contains("final 480")
                .doesNotContain("announcement");

        assertThat(record(caller))
                .startsWith("FAILED 480 to=" + callee.extension() + " answered=false");

        SipCredentials another = sip.employee();
        Sipp.Result unknown = dial("uac-call-refused.xml", another, "99999");
        assertThat(unknown.exitCode()).as(unknown.output()).isZero();
        assertThat(unknown.log()).contains("final 404");
        assertThat(record(another))
                .startsWith("FAILED 404 to=null answered=false leg=false INTERNAL dialled=99999");
    }

    @Test
    void theCallerCancelsWhileItRings() throws Exception {
        Call c = call("uac-call-cancel.xml", "uas-ring-cancelled.xml");

        assertThat(record(c.caller()))
                .startsWith("CANCELLED 487 to=" + c.callee().extension() + " answered=false");
    }

    @Test
    void twoDevicesRingAndTheFirstToAnswerWinsTheOtherIsCancelled() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        List<Sipp.Running> deskAndMobile =
                SipCallFixture.devices(callee, "uas-answer.xml", "uas-ring-cancelled.xml");
        Sipp.Result call = dial("uac-call.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        Sipp.Result answered = deskAndMobile.get(0).await();
        Sipp.Result cancelled = deskAndMobile.get(1).await();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true leg=true");
    }

    @Test
    void aCallerThatRequires100relGetsItsRingingReliablyAndItsPrackAnswered() throws Exception {
        Call c = call("uac-call-100rel.xml", "uas-answer.xml");

        assertThat(c.call().log()).contains("reliable 180, RSeq ").contains("PRACK answered");
        assertThat(record(c.caller()))
                .startsWith(
                        "ANSWERED 200 to=" + c.callee().extension() + " answered=true leg=true");
    }

    @Test
    void aRequiredExtensionWeDoNotKnowIsRefusedWith420() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();

        Sipp.Result call = dial("uac-call-bad-extension.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).contains("refused, unsupported x-vpbx-unknown");
    }

    @Test
    void anExtensionOfAnotherDomainCannotBeCalled() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials stranger = sip.employeeOf(sip.world().domainB);

        Sipp.Result call = dial("uac-call-refused.xml", caller, stranger.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).contains("final 404");
    }

    @Test
    void twoRealSoftphonesCallEachOtherWithAudio() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        try (Baresip answering = Baresip.registered(callee, true, null)) {
            try (Baresip calling = Baresip.dialling(caller, callee.extension(), 6, null)) {
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
        // The ringing phone must end well: it was cancelled.
        Call c = call("uac-call-refused.xml", sip.employee(2, 5), "uas-ring-cancelled.xml");

        assertThat(c.call().log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(record(c.caller())).startsWith("NO_ANSWER 480 to=" + c.callee().extension());
    }

    @Test
    void aCalleeWithOneChannelIsBusyForASecondCallAndTwoChannelsLetItThrough() throws Exception {
        SipCredentials single = sip.employee(1, 30);
        int singlePort = Sipp.registered(single);
        SipCredentials first = sip.employee();
        SipCredentials second = sip.employee();

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", singlePort));
        Sipp.Running talking = talking(first, single, 4000);
        Sipp.Result refused = dial("uac-call-refused.xml", second, single.extension());
        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log()).contains("final 486");
        assertThat(talking.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
        assertThat(record(second)).startsWith("BUSY 486 to=" + single.extension());

        SipCredentials waiting = sip.employee(2, 30);
        int waitingPort = Sipp.registered(waiting);
        SipCredentials third = sip.employee();
        SipCredentials fourth = sip.employee();
        Sipp.Running both = Sipp.start(Sipp.Run.phone("uas-answer.xml", waitingPort).calls(2));
        Sipp.Running one = talking(third, waiting, 3000);
        Sipp.Result another = dial("uac-call.xml", fourth, waiting.extension());
        assertThat(another.exitCode()).as("call waiting: " + another.output()).isZero();
        assertThat(one.await().exitCode()).isZero();
        assertThat(both.await().exitCode()).isZero();
        assertThat(record(fourth)).startsWith("ANSWERED 200");
    }

    /** A call from the caller to the callee, answered and kept up for the milliseconds. */
    private static Sipp.Running talking(SipCredentials caller, SipCredentials callee, int millis)
            throws Exception {
        Sipp.Running talking =
                Sipp.start(Sipp.Run.call("uac-call.xml", caller, callee.extension()).talk(millis));
        talking.awaitLog("answered, callee media");
        return talking;
    }

    @Test
    void theCallersChannelLimitAppliesToOutgoingCalls() throws Exception {
        SipCredentials caller = sip.employee(1, 30);
        SipCredentials callee = sip.employee();
        int calleePort = Sipp.registered(callee);

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", calleePort));
        Sipp.Running talking = talking(caller, callee, 4000);
        Sipp.Result second = dial("uac-call-refused.xml", caller, callee.extension());

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.log()).contains("final 486");
        assertThat(talking.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
    }

    @Test
    void holdIsAnsweredByTheServerAndTheHeldPhoneSeesNoReInvite() throws Exception {
        // uas-answer.xml fails on any request but the BYE after its ACK: no re-INVITE may reach it.
        Call c = call("uac-call-hold.xml", "uas-answer.xml");

        assertThat(c.call().log()).contains("held: a=recvonly");
        assertThat(record(c.caller())).startsWith("ANSWERED 200");
    }

    @Test
    void aReInviteWithoutSdpGetsTheServersOfferAndTheAnswerComesInTheAck() throws Exception {
        Call c = call("uac-call-reinvite-late.xml", "uas-answer.xml");

        assertThat(c.call().log())
                .containsPattern("offer in 200: o=vpbx \\d+ \\d+ IN IP4 127.0.0.1");
        assertThat(record(c.caller())).startsWith("ANSWERED 200");
    }

    @Test
    void aBlfKeySeesTheLineRingBeInUseAndBeFreeAgain() throws Exception {
        SipCredentials watcher = sip.employee();
        SipCredentials caller = sip.employee();
        SipCredentials watched = sip.employee();
        int watchedPort = Sipp.registered(watched);

        Sipp.Running key =
                Sipp.start(
                        Sipp.Run.call("blf-watch.xml", watcher, watched.extension())
                                .timeout("30s"));
        key.awaitLog("notify free");
        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", watchedPort).talk(1500));
        Sipp.Result call = dial("uac-call.xml", caller, watched.extension());
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
        SipCredentials watcher = sip.employee();
        SipCredentials stranger = sip.employeeOf(sip.world().domainB);

        Sipp.Result refused =
                Sipp.run(
                        Sipp.Run.call(
                                "blf-refused.xml",
                                watcher,
                                stranger.extension(),
                                stranger.domain()));

        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log()).contains("refused 403");
    }

    @Test
    void aLateOfferGetsTheServersOfferInThe200AndTheCalleeAnOfferInItsInvite() throws Exception {
        // uas-answer.xml insists on an INVITE with an m=audio line (it answers it).
        Call c = call("uac-call-late.xml", "uas-answer.xml");

        assertThat(c.call().log()).contains("offer in the 200 m=audio");
        assertThat(record(c.caller())).startsWith("ANSWERED 200");
    }
}

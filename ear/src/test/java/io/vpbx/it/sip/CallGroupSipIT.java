package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.groups.CallGroupsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.PickupGroupsService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.SipCallFixture;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.Tones;
import io.vpbx.model.groups.DistributionAlgorithm;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls to a call group's extension from SIP phones (spec C BR-C1, BR-C2, BR-F1): the groups are
 * created through {@link CallGroupsService} as the domain's admin, the phones are sipp and baresip.
 */
@ExtendWith(ArquillianExtension.class)
class CallGroupSipIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(CallGroupSipIT.class);
    }

    @Inject private SipCallFixture sip;
    @Inject private CallGroupsService callGroups;
    @Inject private DomainUsersService users;
    @Inject private PickupGroupsService pickupGroups;

    @Test
    void allMembersRingTheFirstToAnswerTalksAndTheOtherIsCancelledAsCompletedElsewhere()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials answers = sip.employee();
        SipCredentials rings = sip.employee();
        String group =
                group(sip.world().domainA, DistributionAlgorithm.ALL_SIMULTANEOUS, answers, rings);
        int ringsPort = Sipp.registered(rings);
        Path work = Files.createTempDirectory("vpbx-group-it-");
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        Path memberHeard = Files.createDirectories(work.resolve("member"));

        Sipp.Running other = Sipp.start(Sipp.Run.phone("uas-ring-picked.xml", ringsPort));
        try (Baresip answering =
                Baresip.registered(
                        answers, true, Baresip.Audio.tone(work, 2000, 30, memberHeard))) {
            try (Baresip calling =
                    Baresip.dialling(
                            caller, group, 0, Baresip.Audio.tone(work, 1000, 30, callerHeard))) {
                calling.expect("Call established", Duration.ofSeconds(15));
                Tones.awaitHeard(memberHeard, 3.0);
                Tones.awaitHeard(callerHeard, 3.0);
                calling.command("/hangup");
                calling.expect("terminated", Duration.ofSeconds(10));
            }
            assertThat(answering.output()).contains("answering call");
        }
        Sipp.Result cancelled = other.await();
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(cancelled.log())
                .as("the other member's phone rang, then was cancelled as answered elsewhere")
                .containsSubsequence(
                        "ringing with the server's offer",
                        "cancelled with Reason: SIP;cause=200;text=\"Call completed elsewhere\"");

        assertThat(Tones.heard(memberHeard).secondsOf(1000, 0.5))
                .as("the member heard the caller")
                .isGreaterThan(2.0);
        assertThat(Tones.heard(callerHeard).secondsOf(2000, 0.5))
                .as("the caller heard the member")
                .isGreaterThan(2.0);
        assertThat(sip.record(caller))
                .as("answered by the member; the number dialled stays the group's")
                .isEqualTo(
                        "ANSWERED 200 to="
                                + answers.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + group
                                + " from=Employee "
                                + caller.extension());
    }

    @Test
    void aGroupWhoseAlgorithmIsNotSetRingsNobodyAndTheCallerHearsNotAvailableThen480()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials member = sip.employee();
        String group = group(sip.world().domainA, DistributionAlgorithm.NOT_SET, member);
        int memberPort = Sipp.registered(member);

        Sipp.Result call;
        int received;
        try (DatagramSocket phone = socket(memberPort)) {
            call = Sipp.run(Sipp.Run.call("uac-call-refused.xml", caller, group));
            received = packetsWithin(phone, Duration.ofSeconds(1));
        }

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log())
                .as("«Абонент недоступен» as early media, then 480")
                .containsSubsequence("announcement m=audio", "final 480");
        assertThat(received).as("no INVITE reached the member's phone").isZero();
        assertThat(sip.record(caller))
                .isEqualTo(
                        "FAILED 480 to=null answered=false leg=false INTERNAL dialled="
                                + group
                                + " from=Employee "
                                + caller.extension());
    }

    @Test
    void aGroupWithoutARegisteredMemberGives480WithTheAnnouncement() throws Exception {
        SipCredentials caller = sip.employee();
        String group =
                group(
                        sip.world().domainA,
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        sip.employee(),
                        sip.employee());

        Sipp.Result call = Sipp.run(Sipp.Run.call("uac-call-refused.xml", caller, group));

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(sip.record(caller))
                .startsWith(
                        "FAILED 480 to=null answered=false leg=false INTERNAL dialled=" + group);
    }

    @Test
    void aMemberWhoseNumberIsDisabledIsNotRungAndTheOtherMemberTakesTheCall() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials disabled = sip.employee();
        SipCredentials enabled = sip.employee();
        String group =
                group(
                        sip.world().domainA,
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        disabled,
                        enabled);
        int disabledPort = Sipp.registered(disabled);
        long disabledId = userId(sip.world().domainAId, disabled);
        Identities.run(
                sip.world().adminOf(sip.world().domainA),
                () ->
                        users.changeSipNumber(
                                disabledId, new SipNumberSettings(4, 2, false, true, 30)));

        Sipp.Running answering =
                Sipp.start(Sipp.Run.phone("uas-answer.xml", Sipp.registered(enabled)));
        Sipp.Result call;
        int received;
        try (DatagramSocket phone = socket(disabledPort)) {
            call = Sipp.run(Sipp.Run.call("uac-call.xml", caller, group));
            received = packetsWithin(phone, Duration.ofSeconds(1));
        }

        assertThat(call.exitCode()).as(call.output()).isZero();
        Sipp.Result answered = answering.await();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(received).as("no INVITE reached the disabled member's phone").isZero();
        assertThat(sip.record(caller))
                .startsWith(
                        "ANSWERED 200 to="
                                + enabled.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + group);
    }

    @Test
    void aMemberCallingTheirOwnGroupRingsTheOthersButNotThemselves() throws Exception {
        SipCredentials member = sip.employee();
        SipCredentials colleague = sip.employee();
        String group =
                group(
                        sip.world().domainA,
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        member,
                        colleague);
        int ownPhone = Sipp.registered(member);

        Sipp.Running answering =
                Sipp.start(Sipp.Run.phone("uas-answer.xml", Sipp.registered(colleague)));
        Sipp.Result call;
        int received;
        try (DatagramSocket phone = socket(ownPhone)) {
            call = Sipp.run(Sipp.Run.call("uac-call.xml", member, group));
            received = packetsWithin(phone, Duration.ofSeconds(1));
        }

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answering.await().exitCode()).isZero();
        assertThat(received).as("the caller's own registered phone did not ring").isZero();
        assertThat(sip.record(member)).startsWith("ANSWERED 200 to=" + colleague.extension());
    }

    @Test
    void aColleagueInAMembersPickupGroupPicksUpTheRingingGroupCall() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials member = sip.employee();
        SipCredentials picker = sip.employee();
        String group = group(sip.world().domainA, DistributionAlgorithm.ALL_SIMULTANEOUS, member);
        long domainId = sip.world().domainAId;
        List<Long> pickupMembers = List.of(userId(domainId, member), userId(domainId, picker));
        Identities.run(
                sip.world().adminOf(sip.world().domainA),
                () -> pickupGroups.createGroup("Pickup " + group, pickupMembers));

        Sipp.Running phone =
                Sipp.start(Sipp.Run.phone("uas-ring-picked.xml", Sipp.registered(member)));
        Sipp.Running call = Sipp.start(Sipp.Run.call("uac-call.xml", caller, group).talk(1000));
        phone.awaitLog("ringing with the server's offer");
        Sipp.Result picked = Sipp.run(Sipp.Run.call("uac-pickup.xml", picker, "*8"));

        assertThat(picked.exitCode()).as(picked.output()).isZero();
        Sipp.Result called = call.await();
        assertThat(called.exitCode()).as(called.output()).isZero();
        Sipp.Result rang = phone.await();
        assertThat(rang.exitCode()).as(rang.output()).isZero();
        assertThat(rang.log())
                .contains("cancelled with Reason: SIP;cause=200;text=\"Call completed elsewhere\"");
        assertThat(sip.record(caller))
                .as("answered by the picker; the number dialled stays the group's")
                .isEqualTo(
                        "ANSWERED 200 to="
                                + picker.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + group
                                + " from=Employee "
                                + caller.extension());
    }

    @Test
    void anotherDomainsGroupExtensionIsUnknownHereAndReachableOnlyInItsOwnDomain()
            throws Exception {
        String domainB = sip.world().domainB;
        SipCredentials memberB = sip.employeeOf(domainB);
        SipCredentials callerB = sip.employeeOf(domainB);
        String groupB = group(domainB, DistributionAlgorithm.ALL_SIMULTANEOUS, memberB);
        SipCredentials callerA = sip.employee();

        Sipp.Running phoneB =
                Sipp.start(Sipp.Run.phone("uas-answer.xml", Sipp.registered(memberB)));
        Sipp.Result fromA = Sipp.run(Sipp.Run.call("uac-call-refused.xml", callerA, groupB));

        assertThat(fromA.exitCode()).as(fromA.output()).isZero();
        assertThat(fromA.log()).as("as for an unknown extension").contains("final 404");
        assertThat(sip.record(callerA))
                .isEqualTo(
                        "FAILED 404 to=null answered=false leg=false INTERNAL dialled="
                                + groupB
                                + " from=Employee "
                                + callerA.extension());
        assertThat(phoneB.log()).as("domain B's member was not rung").doesNotContain("invited");

        Sipp.Result fromB = Sipp.run(Sipp.Run.call("uac-call.xml", callerB, groupB));
        assertThat(fromB.exitCode()).as(fromB.output()).isZero();
        assertThat(phoneB.await().exitCode()).isZero();
        assertThat(sip.record(callerB))
                .startsWith(
                        "ANSWERED 200 to="
                                + memberB.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + groupB);
    }

    // --- fixture -----------------------------------------------------------------------------

    /** A new group of the domain, created by its admin; returns its extension. */
    private String group(String domain, DistributionAlgorithm algorithm, SipCredentials... members)
            throws Exception {
        long domainId = sip.domainIdOf(members[0]);
        List<Long> memberIds = new ArrayList<>();
        for (SipCredentials member : members) {
            memberIds.add(userId(domainId, member));
        }
        String extension = Integer.toString(sip.nextNumber());
        Identities.run(
                sip.world().adminOf(domain),
                () ->
                        callGroups.createGroup(
                                new CallGroupSettings("Group " + extension, extension, algorithm),
                                memberIds));
        return extension;
    }

    private static long userId(long domainId, SipCredentials user) throws Exception {
        return SipCallFixture.awaitRow(
                "SELECT id FROM domain_user WHERE domain_id = ? AND extension = ?",
                rs -> rs.getLong(1),
                domainId,
                user.extension());
    }

    private static DatagramSocket socket(int port) throws Exception {
        return new DatagramSocket(port, InetAddress.getByName("127.0.0.1"));
    }

    /** How many datagrams arrive at the socket within the time (after the call has ended). */
    private static int packetsWithin(DatagramSocket socket, Duration limit) throws Exception {
        socket.setSoTimeout((int) limit.toMillis());
        int count = 0;
        byte[] buffer = new byte[4096];
        while (true) {
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                count++;
            } catch (SocketTimeoutException e) {
                return count;
            }
        }
    }
}

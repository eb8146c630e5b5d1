package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.internal.SipDirectory;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.SipCallFixture;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.Tones;
import io.vpbx.model.media.AudioKind;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Call pickup by the domain's code (spec B BR-27), the absence period (seed 002) and the pre-call
 * greeting (BR-46/BR-58), with sipp as every phone. Pickup groups, absences and greetings are set
 * in the database directly (their console is another part of the work), and the SIP directory is
 * told, as a saved entity would tell it.
 */
@ExtendWith(ArquillianExtension.class)
class PickupSipIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(PickupSipIT.class);
    }

    @Inject private SipCallFixture sip;
    @Inject private AudioFilesService audioFiles;
    @Inject private SipDirectory directory;

    @Test
    void aColleagueInTheGroupPicksUpTheRingingCallAndTheRingingPhoneIsCancelledAsAnswered()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials ringing = sip.employee();
        SipCredentials picker = sip.employee();
        group(sip.world().domainAId, "Sales", ringing, picker);

        Ringing rung = ring(ringing, caller, 2000);
        Sipp.Result picked = dial("uac-pickup.xml", picker, "*8");

        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(picked.log())
                .as("answered at once, with our SDP in the picker's own codec")
                .contains("picked up, server media m=audio")
                .contains("the caller hung up");
        Sipp.Result caller1 = rung.call().await();
        assertThat(caller1.exitCode()).as(caller1.output()).isZero();
        assertThat(caller1.log()).contains("answered, callee media m=audio");
        Sipp.Result rang = rung.phone().await();
        assertThat(rang.exitCode()).as(rang.output()).isZero();
        assertThat(rang.log())
                .contains("cancelled with Reason: SIP;cause=200;text=\"Call completed elsewhere\"");

        assertThat(sip.record(caller))
                .as("the call, answered by the picker; the number dialled stays the colleague's")
                .isEqualTo(
                        "ANSWERED 200 to="
                                + picker.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + ringing.extension()
                                + " from=Employee "
                                + caller.extension());
        assertThat(calleeCallId(caller))
                .as("the answering leg is the picker's call to the code")
                .isEqualTo(callIdOf(picked.log()));
        assertThat(sip.recordsOf(picker)).as("the pickup is not a call of its own").isZero();
    }

    @Test
    void whenOneOfTheCalleesPhonesAnswersTheOtherIsCancelledAsCompletedElsewhere()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        List<Sipp.Running> deskAndMobile =
                SipCallFixture.devices(callee, "uas-answer.xml", "uas-ring-picked.xml");
        Sipp.Result call = dial("uac-call.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(deskAndMobile.get(0).await().exitCode()).isZero();
        Sipp.Result cancelled = deskAndMobile.get(1).await();
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(cancelled.log()).contains("cancelled with Reason: SIP;cause=200");
    }

    @Test
    void aMemberOfAnotherGroupPicksUpNothingAndTheCallStillRingsForItsOwnGroup() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials ringing = sip.employee();
        SipCredentials colleague = sip.employee();
        SipCredentials stranger = sip.employee();
        group(sip.world().domainAId, "Sales east", ringing, colleague);
        group(sip.world().domainAId, "Support", stranger);

        Ringing rung = ring(ringing, caller, 1000);

        Sipp.Result refused = dial("uac-call-refused.xml", stranger, "*8");
        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log())
                .as("«Вызов не может быть выполнен» as early media, then 480")
                .containsSubsequence("announcement m=audio", "final 480");
        assertThat(rung.phone().log()).as("still ringing").doesNotContain("cancelled");
        assertThat(sip.record(stranger))
                .isEqualTo(
                        "FAILED 480 to=null answered=false leg=false INTERNAL dialled=*8 from=Employee "
                                + stranger.extension());

        Sipp.Result picked = dial("uac-pickup.xml", colleague, "*8");
        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(rung.call().await().exitCode()).isZero();
        assertThat(rung.phone().await().exitCode()).isZero();
        assertThat(sip.record(caller))
                .startsWith("ANSWERED 200 to=" + colleague.extension() + " answered=true");
    }

    @Test
    void thePickupCodeWithNothingRingingOrOutsideAnyGroupFailsWith480() throws Exception {
        SipCredentials alone = sip.employee();
        SipCredentials ungrouped = sip.employee();
        group(sip.world().domainAId, "Night shift", alone);

        Sipp.Result nothing = dial("uac-call-refused.xml", alone, "*8");
        Sipp.Result noGroup = dial("uac-call-refused.xml", ungrouped, "*8");

        assertThat(nothing.exitCode()).as(nothing.output()).isZero();
        assertThat(nothing.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(noGroup.exitCode()).as(noGroup.output()).isZero();
        assertThat(noGroup.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(sip.record(ungrouped))
                .startsWith("FAILED 480 to=null answered=false leg=false INTERNAL dialled=*8");
    }

    @Test
    void aDomainsOwnPickupCodeWorksThereAndNeverReachesAnotherDomainsCalls() throws Exception {
        long domainB = sip.world().domainBId;
        setPickupCode(domainB, "*45");
        SipCredentials caller = sip.employeeOf(sip.world().domainB);
        SipCredentials ringing = sip.employeeOf(sip.world().domainB);
        SipCredentials picker = sip.employeeOf(sip.world().domainB);
        group(domainB, "Sales", ringing, picker);
        SipCredentials outsider = sip.employee();
        group(sip.world().domainAId, "Sales west", outsider);

        Ringing rung = ring(ringing, caller, 1000);

        Sipp.Result otherDomain = dial("uac-call-refused.xml", outsider, "*8");
        assertThat(otherDomain.exitCode()).as(otherDomain.output()).isZero();
        assertThat(otherDomain.log()).contains("final 480");
        Sipp.Result oldCode = dial("uac-call-refused.xml", picker, "*8");
        assertThat(oldCode.exitCode()).as(oldCode.output()).isZero();
        assertThat(oldCode.log()).as("*8 is no code in this domain").contains("final 404");
        assertThat(rung.phone().log()).doesNotContain("cancelled");

        Sipp.Result picked = dial("uac-pickup.xml", picker, "*45");
        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(rung.call().await().exitCode()).isZero();
        assertThat(rung.phone().await().exitCode()).isZero();
        assertThat(sip.record(caller))
                .startsWith("ANSWERED 200 to=" + picker.extension() + " answered=true leg=true");
    }

    @Test
    void anAbsentUserIsNotRungAndTheCallerHearsNotAvailableUntilTheAbsenceIsOver()
            throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials absent = sip.employee();
        int absentPort = Sipp.registered(absent);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        setAbsence(sip.world().domainAId, absent, today.minusDays(1), today.plusDays(1));

        Sipp.Result call;
        int received;
        try (DatagramSocket phone =
                new DatagramSocket(absentPort, InetAddress.getByName("127.0.0.1"))) {
            call = dial("uac-call-refused.xml", caller, absent.extension());
            received = packetsWithin(phone, Duration.ofSeconds(1));
        }

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(call.log())
                .as("«Абонент недоступен» as early media, then 480")
                .containsSubsequence("announcement m=audio", "final 480");
        assertThat(received).as("no INVITE reached the absent user's phone").isZero();
        assertThat(sip.record(caller))
                .startsWith("FAILED 480 to=" + absent.extension() + " answered=false leg=false");

        // An absence that ended yesterday stops nothing.
        setAbsence(sip.world().domainAId, absent, today.minusDays(10), today.minusDays(1));
        SipCredentials later = sip.employee();
        Sipp.Running answering = Sipp.start(Sipp.Run.phone("uas-answer.xml", absentPort));
        Sipp.Result answered = dial("uac-call.xml", later, absent.extension());
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(answering.await().exitCode()).isZero();
        assertThat(sip.record(later)).startsWith("ANSWERED 200 to=" + absent.extension());
    }

    @Test
    void theGreetingPlaysAsEarlyMediaBeforeTheCalleesPhoneIsInvited() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        long greeting = greeting(Files.createTempDirectory("vpbx-pickup-it-"), 1500);
        setGreeting(sip.world().domainAId, callee, greeting);
        int calleePort = Sipp.registered(callee);

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-answer.xml", calleePort));
        Sipp.Running call =
                Sipp.start(
                        Sipp.Run.call("uac-call-greeted.xml", caller, callee.extension())
                                .talk(1000));
        call.awaitLog("greeting, early media m=audio");
        long greetingHeardAt = System.nanoTime();
        assertThat(phone.log()).as("not invited during the greeting").doesNotContain("invited");
        phone.awaitLog("invited");
        long invitedAfter = (System.nanoTime() - greetingHeardAt) / 1_000_000;

        Sipp.Result caller1 = call.await();
        assertThat(caller1.exitCode()).as(caller1.output()).isZero();
        assertThat(phone.await().exitCode()).isZero();
        // The greeting is 3 s long (and a little silence around it from the conversion).
        assertThat(invitedAfter)
                .as("the phone is invited once the greeting has played")
                .isBetween(2_500L, 6_000L);
        assertThat(sip.record(caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true");
        assertThat(ringSeconds(caller))
                .as("the greeting before the phone rang")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void thePickerAndTheCallerHearEachOtherThroughTheServer() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials ringing = sip.employee();
        SipCredentials picker = sip.employee();
        group(sip.world().domainAId, "Reception", ringing, picker);
        int ringingPort = Sipp.registered(ringing);
        Path work = Files.createTempDirectory("vpbx-pickup-it-");
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        Path pickerHeard = Files.createDirectories(work.resolve("picker"));

        Sipp.Running phone = Sipp.start(Sipp.Run.phone("uas-ring-picked.xml", ringingPort));
        try (Baresip calling =
                Baresip.dialling(
                        caller,
                        ringing.extension(),
                        0,
                        Baresip.Audio.tone(work, 1000, 30, callerHeard))) {
            phone.awaitLog("ringing with the server's offer");
            try (Baresip picking =
                    Baresip.dialling(
                            picker, "*8", 0, Baresip.Audio.tone(work, 2000, 30, pickerHeard))) {
                picking.expect("Call established", Duration.ofSeconds(15));
                Tones.awaitHeard(pickerHeard, 3.0);
                picking.command("/hangup");
                calling.expect("terminated", Duration.ofSeconds(10));
            }
        }
        assertThat(phone.await().exitCode()).as("the ringing phone was cancelled").isZero();

        Tones.Pcm heardByPicker = Tones.heard(pickerHeard);
        Tones.Pcm heardByCaller = Tones.heard(callerHeard);
        assertThat(heardByPicker.secondsOf(1000, 0.5))
                .as("the picker heard the caller")
                .isGreaterThan(2.0);
        assertThat(heardByCaller.secondsOf(2000, 0.5))
                .as("the caller heard the picker")
                .isGreaterThan(2.0);
        assertThat(sip.record(caller))
                .startsWith("ANSWERED 200 to=" + picker.extension() + " answered=true leg=true");
    }

    @Test
    void theCallerHearsTheGreetingThenOurRingbackToneThenTheCallee() throws Exception {
        SipCredentials caller = sip.employee();
        SipCredentials callee = sip.employee();
        Path work = Files.createTempDirectory("vpbx-pickup-it-");
        setGreeting(sip.world().domainAId, callee, greeting(work, 1500));
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        try (Baresip ringing =
                Baresip.registered(callee, false, Baresip.Audio.tone(work, 2000, 30, null))) {
            long dialled = System.nanoTime();
            try (Baresip calling =
                    Baresip.dialling(
                            caller,
                            callee.extension(),
                            0,
                            Baresip.Audio.tone(work, 1000, 30, callerHeard))) {
                ringing.expect("Incoming call", Duration.ofSeconds(15));
                long rangAfter = (System.nanoTime() - dialled) / 1_000_000;
                assertThat(rangAfter)
                        .as("the phone rings once the 3 s greeting has played")
                        .isGreaterThan(2_800L);
                awaitAllHeard(callerHeard, 6.0);
                ringing.command("/accept");
                calling.expect("Call established", Duration.ofSeconds(10));
                awaitAllHeard(callerHeard, 8.5);
                calling.command("/hangup");
                calling.expect("terminated", Duration.ofSeconds(10));
            }
        }
        Tones.Pcm heard = allHeard(callerHeard);
        double greetingEnds = heard.firstSecond(1500, 0.5) + 2.9;
        double answeredAt = heard.firstSecond(2000, 0.5);

        assertThat(heard.firstSecond(1500, 0.5)).as("the greeting at once").isLessThan(1.0);
        assertThat(heard.between(0, greetingEnds).secondsOf(1500, 0.5))
                .as("the whole greeting")
                .isGreaterThan(2.5);
        assertThat(answeredAt)
                .as("the callee after the greeting and some ringing")
                .isGreaterThan(5.0);
        assertThat(heard.between(greetingEnds, answeredAt).secondsOf(425, 0.5))
                .as("our ringback tone while the phone rang (0.8 s in every 4 s)")
                .isGreaterThan(0.5);
        assertThat(heard.between(answeredAt, heard.seconds()).secondsOf(1500, 0.5))
                .as("no greeting once answered")
                .isLessThan(0.1);
        assertThat(heard.between(answeredAt, heard.seconds()).secondsOf(425, 0.5))
                .as("no ringback once answered")
                .isLessThan(0.1);
        assertThat(heard.between(answeredAt, heard.seconds()).secondsOf(2000, 0.5))
                .isGreaterThan(1.5);
    }

    /** Uploads a 3 s tone as a greeting of domain A. */
    private long greeting(Path work, int frequency) throws Exception {
        Path tone = Tones.wav(work.resolve("greeting-" + frequency + ".wav"), frequency, 3);
        return Identities.as(
                sip.world().adminOf(sip.world().domainA),
                () -> {
                    try (InputStream in = Files.newInputStream(tone)) {
                        return audioFiles.upload(
                                AudioKind.GREETING,
                                "Greeting " + frequency + " " + sip.nextNumber(),
                                "greeting.wav",
                                in);
                    }
                });
    }

    /**
     * What a phone heard across its dumps, in order: baresip starts a new dump when the early media
     * of the 183 gives way to the answered call's stream.
     */
    private static Tones.Pcm allHeard(Path directory) throws Exception {
        java.util.List<Path> dumps;
        try (var files = Files.list(directory)) {
            dumps =
                    files.filter(f -> f.getFileName().toString().endsWith("-dec.wav"))
                            .sorted()
                            .toList();
        }
        short[] samples = new short[0];
        int rate = 8000;
        for (Path dump : dumps) {
            Tones.Pcm part = Tones.read(dump, 0);
            rate = part.rate();
            int at = samples.length;
            samples = java.util.Arrays.copyOf(samples, at + part.samples().length);
            System.arraycopy(part.samples(), 0, samples, at, part.samples().length);
        }
        return new Tones.Pcm(samples, rate);
    }

    /** Waits until all the phone's dumps together hold the seconds of audio. */
    private static void awaitAllHeard(Path directory, double seconds) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () -> {
                            try (var files = Files.list(directory)) {
                                return files.filter(
                                                f ->
                                                        f.getFileName()
                                                                .toString()
                                                                .endsWith("-dec.wav"))
                                        .mapToLong(f -> f.toFile().length() - 44)
                                        .sum();
                            }
                        },
                        bytes -> bytes >= (long) (seconds * 16000));
    }

    // --- fixture: the database as the console will write it ------------------------------------

    /** A new pickup group of the domain with the members. */
    private void group(long domainId, String name, SipCredentials... members) throws Exception {
        long groupId = pickupGroup(domainId, name);
        for (SipCredentials member : members) {
            update(
                    domainId,
                    "UPDATE domain_user SET pickup_group_id = ? WHERE domain_id = ? AND extension = ?",
                    groupId,
                    domainId,
                    member.extension());
        }
    }

    private long pickupGroup(long domainId, String name) throws Exception {
        try (Connection c = SipCallFixture.dataSource().getConnection();
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO pickup_group (domain_id, name, created_at, version)"
                                        + " VALUES (?, ?, NOW(6), 0)",
                                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, domainId);
            insert.setString(2, name + " " + sip.nextNumber());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void setAbsence(long domainId, SipCredentials user, LocalDate from, LocalDate until)
            throws Exception {
        update(
                domainId,
                "UPDATE domain_user SET absent_from = ?, absent_until = ?"
                        + " WHERE domain_id = ? AND extension = ?",
                Date.valueOf(from),
                Date.valueOf(until),
                domainId,
                user.extension());
    }

    private void setGreeting(long domainId, SipCredentials user, long audioFileId)
            throws Exception {
        update(
                domainId,
                "UPDATE domain_user SET greeting_id = ? WHERE domain_id = ? AND extension = ?",
                audioFileId,
                domainId,
                user.extension());
    }

    private void setPickupCode(long domainId, String code) throws Exception {
        update(domainId, "UPDATE domain SET pickup_code = ? WHERE id = ?", code, domainId);
    }

    /** Changes one row of the domain, then drops it from the SIP directory as a JPA save would. */
    private void update(long domainId, String sql, Object... values) throws Exception {
        try (Connection c = SipCallFixture.dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                q.setObject(i + 1, values[i]);
            }
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
        directory.changed(domainId);
    }

    // --- phones -----------------------------------------------------------------------------

    /** A call from the caller ringing the registered phone of {@code ringing}, not answered. */
    private record Ringing(Sipp.Running phone, Sipp.Running call) {}

    private static Ringing ring(SipCredentials ringing, SipCredentials caller, int talkMillis)
            throws Exception {
        Sipp.Running phone =
                Sipp.start(Sipp.Run.phone("uas-ring-picked.xml", Sipp.registered(ringing)));
        Sipp.Running call =
                Sipp.start(
                        Sipp.Run.call("uac-call.xml", caller, ringing.extension())
                                .talk(talkMillis));
        phone.awaitLog("ringing with the server's offer");
        return new Ringing(phone, call);
    }

    private static Sipp.Result dial(String scenario, SipCredentials caller, String dialled)
            throws Exception {
        return Sipp.run(Sipp.Run.call(scenario, caller, dialled));
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

    private static String callIdOf(String pickupLog) {
        Matcher m =
                Pattern.compile("picked up, server media m=audio .* Call-ID: (\\S+)")
                        .matcher(pickupLog);
        assertThat(m.find()).as(pickupLog).isTrue();
        return m.group(1);
    }

    // --- call records -----------------------------------------------------------------------

    private String calleeCallId(SipCredentials caller) throws Exception {
        return sip.column(caller, "SELECT callee_call_id", rs -> rs.getString(1));
    }

    private int ringSeconds(SipCredentials caller) throws Exception {
        return sip.column(caller, "SELECT ring_seconds", rs -> rs.getInt(1));
    }
}

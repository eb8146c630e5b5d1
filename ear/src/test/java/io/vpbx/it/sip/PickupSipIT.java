package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.internal.SipDirectory;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Employees;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Ports;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.TenancyFixture;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.sql.DataSource;
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
    private static final AtomicInteger EXTENSIONS = new AtomicInteger(800);
    private static TenancyFixture world;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(PickupSipIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private AudioFilesService audioFiles;
    @Inject private SipDirectory directory;

    private TenancyFixture world() throws Exception {
        synchronized (PickupSipIT.class) {
            if (world == null) {
                world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            }
            return world;
        }
    }

    private SipCredentials employee() throws Exception {
        return employeeOf(world().domainA);
    }

    private SipCredentials employeeOf(String domain) throws Exception {
        return Employees.create(
                users,
                world().adminOf(domain),
                Integer.toString(EXTENSIONS.incrementAndGet()),
                new SipNumberSettings(4, 2, true, true, 30));
    }

    @Test
    void aColleagueInTheGroupPicksUpTheRingingCallAndTheRingingPhoneIsCancelledAsAnswered()
            throws Exception {
        SipCredentials caller = employee();
        SipCredentials ringing = employee();
        SipCredentials picker = employee();
        long group = pickupGroup(world().domainAId, "Sales");
        join(world().domainAId, group, ringing, picker);
        int ringingPort = Ports.freeUdp();
        Sipp.register(ringing, ringingPort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-picked.xml").from("127.0.0.1", ringingPort));
        Sipp.Running call = calling(caller, ringing.extension(), 2000);
        phone.awaitLog("ringing with the server's offer");
        Sipp.Result picked = dial("uac-pickup.xml", picker, "*8");

        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(picked.log())
                .as("answered at once, with our SDP in the picker's own codec")
                .contains("picked up, server media m=audio")
                .contains("the caller hung up");
        Sipp.Result caller1 = call.await();
        assertThat(caller1.exitCode()).as(caller1.output()).isZero();
        assertThat(caller1.log()).contains("answered, callee media m=audio");
        Sipp.Result rang = phone.await();
        assertThat(rang.exitCode()).as(rang.output()).isZero();
        assertThat(rang.log())
                .contains("cancelled with Reason: SIP;cause=200;text=\"Call completed elsewhere\"");

        assertThat(record(world().domainAId, caller))
                .as("the call, answered by the picker; the number dialled stays the colleague's")
                .isEqualTo(
                        "ANSWERED 200 to="
                                + picker.extension()
                                + " answered=true leg=true INTERNAL dialled="
                                + ringing.extension()
                                + " from=Employee "
                                + caller.extension());
        assertThat(calleeCallId(world().domainAId, caller))
                .as("the answering leg is the picker's call to the code")
                .isEqualTo(callIdOf(picked.log()));
        assertThat(recordsOf(world().domainAId, picker))
                .as("the pickup is not a call of its own")
                .isZero();
    }

    @Test
    void whenOneOfTheCalleesPhonesAnswersTheOtherIsCancelledAsCompletedElsewhere()
            throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        int desk = Ports.freeUdp();
        int mobile = Ports.freeUdp();
        Sipp.register(callee, desk);
        Sipp.register(callee, mobile);

        Sipp.Running deskPhone = Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", desk));
        Sipp.Running mobilePhone =
                Sipp.start(Sipp.Run.of("uas-ring-picked.xml").from("127.0.0.1", mobile));
        Sipp.Result call = dial("uac-call.xml", caller, callee.extension());

        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(deskPhone.await().exitCode()).isZero();
        Sipp.Result cancelled = mobilePhone.await();
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
        assertThat(cancelled.log()).contains("cancelled with Reason: SIP;cause=200");
    }

    @Test
    void aMemberOfAnotherGroupPicksUpNothingAndTheCallStillRingsForItsOwnGroup() throws Exception {
        SipCredentials caller = employee();
        SipCredentials ringing = employee();
        SipCredentials colleague = employee();
        SipCredentials stranger = employee();
        long sales = pickupGroup(world().domainAId, "Sales east");
        long support = pickupGroup(world().domainAId, "Support");
        join(world().domainAId, sales, ringing, colleague);
        join(world().domainAId, support, stranger);
        int ringingPort = Ports.freeUdp();
        Sipp.register(ringing, ringingPort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-picked.xml").from("127.0.0.1", ringingPort));
        Sipp.Running call = calling(caller, ringing.extension(), 1000);
        phone.awaitLog("ringing with the server's offer");

        Sipp.Result refused = dial("uac-call-refused.xml", stranger, "*8");
        assertThat(refused.exitCode()).as(refused.output()).isZero();
        assertThat(refused.log())
                .as("«Вызов не может быть выполнен» as early media, then 480")
                .containsSubsequence("announcement m=audio", "final 480");
        assertThat(phone.log()).as("still ringing").doesNotContain("cancelled");
        assertThat(record(world().domainAId, stranger))
                .isEqualTo(
                        "FAILED 480 to=null answered=false leg=false INTERNAL dialled=*8 from=Employee "
                                + stranger.extension());

        Sipp.Result picked = dial("uac-pickup.xml", colleague, "*8");
        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(call.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
        assertThat(record(world().domainAId, caller))
                .startsWith("ANSWERED 200 to=" + colleague.extension() + " answered=true");
    }

    @Test
    void thePickupCodeWithNothingRingingOrOutsideAnyGroupFailsWith480() throws Exception {
        SipCredentials alone = employee();
        SipCredentials ungrouped = employee();
        join(world().domainAId, pickupGroup(world().domainAId, "Night shift"), alone);

        Sipp.Result nothing = dial("uac-call-refused.xml", alone, "*8");
        Sipp.Result noGroup = dial("uac-call-refused.xml", ungrouped, "*8");

        assertThat(nothing.exitCode()).as(nothing.output()).isZero();
        assertThat(nothing.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(noGroup.exitCode()).as(noGroup.output()).isZero();
        assertThat(noGroup.log()).containsSubsequence("announcement m=audio", "final 480");
        assertThat(record(world().domainAId, ungrouped))
                .startsWith("FAILED 480 to=null answered=false leg=false INTERNAL dialled=*8");
    }

    @Test
    void aDomainsOwnPickupCodeWorksThereAndNeverReachesAnotherDomainsCalls() throws Exception {
        long domainB = world().domainBId;
        setPickupCode(domainB, "*45");
        SipCredentials caller = employeeOf(world().domainB);
        SipCredentials ringing = employeeOf(world().domainB);
        SipCredentials picker = employeeOf(world().domainB);
        join(domainB, pickupGroup(domainB, "Sales"), ringing, picker);
        SipCredentials outsider = employee();
        join(world().domainAId, pickupGroup(world().domainAId, "Sales west"), outsider);
        int ringingPort = Ports.freeUdp();
        Sipp.register(ringing, ringingPort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-picked.xml").from("127.0.0.1", ringingPort));
        Sipp.Running call = calling(caller, ringing.extension(), 1000);
        phone.awaitLog("ringing with the server's offer");

        Sipp.Result otherDomain = dial("uac-call-refused.xml", outsider, "*8");
        assertThat(otherDomain.exitCode()).as(otherDomain.output()).isZero();
        assertThat(otherDomain.log()).contains("final 480");
        Sipp.Result oldCode = dial("uac-call-refused.xml", picker, "*8");
        assertThat(oldCode.exitCode()).as(oldCode.output()).isZero();
        assertThat(oldCode.log()).as("*8 is no code in this domain").contains("final 404");
        assertThat(phone.log()).doesNotContain("cancelled");

        Sipp.Result picked = dial("uac-pickup.xml", picker, "*45");
        assertThat(picked.exitCode()).as(picked.output()).isZero();
        assertThat(call.await().exitCode()).isZero();
        assertThat(phone.await().exitCode()).isZero();
        assertThat(record(domainB, caller))
                .startsWith("ANSWERED 200 to=" + picker.extension() + " answered=true leg=true");
    }

    @Test
    void anAbsentUserIsNotRungAndTheCallerHearsNotAvailableUntilTheAbsenceIsOver()
            throws Exception {
        SipCredentials caller = employee();
        SipCredentials absent = employee();
        int absentPort = Ports.freeUdp();
        Sipp.register(absent, absentPort);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        setAbsence(world().domainAId, absent, today.minusDays(1), today.plusDays(1));

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
        assertThat(record(world().domainAId, caller))
                .startsWith("FAILED 480 to=" + absent.extension() + " answered=false leg=false");

        // An absence that ended yesterday stops nothing.
        setAbsence(world().domainAId, absent, today.minusDays(10), today.minusDays(1));
        SipCredentials later = employee();
        Sipp.Running answering =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", absentPort));
        Sipp.Result answered = dial("uac-call.xml", later, absent.extension());
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        assertThat(answering.await().exitCode()).isZero();
        assertThat(record(world().domainAId, later))
                .startsWith("ANSWERED 200 to=" + absent.extension());
    }

    @Test
    void theGreetingPlaysAsEarlyMediaBeforeTheCalleesPhoneIsInvited() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        long greeting = greeting(Files.createTempDirectory("vpbx-pickup-it-"), 1500);
        setGreeting(world().domainAId, callee, greeting);
        int calleePort = Ports.freeUdp();
        Sipp.register(callee, calleePort);

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-answer.xml").from("127.0.0.1", calleePort));
        Sipp.Running call =
                Sipp.start(
                        Sipp.Run.of("uac-call-greeted.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(caller.domain(), caller.login(), callee.extension())
                                .credentials(caller.login(), caller.password())
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
        assertThat(record(world().domainAId, caller))
                .startsWith("ANSWERED 200 to=" + callee.extension() + " answered=true");
        assertThat(ringSeconds(world().domainAId, caller))
                .as("the greeting before the phone rang")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void thePickerAndTheCallerHearEachOtherThroughTheServer() throws Exception {
        SipCredentials caller = employee();
        SipCredentials ringing = employee();
        SipCredentials picker = employee();
        join(world().domainAId, pickupGroup(world().domainAId, "Reception"), ringing, picker);
        int ringingPort = Ports.freeUdp();
        Sipp.register(ringing, ringingPort);
        Path work = Files.createTempDirectory("vpbx-pickup-it-");
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        Path pickerHeard = Files.createDirectories(work.resolve("picker"));

        Sipp.Running phone =
                Sipp.start(Sipp.Run.of("uas-ring-picked.xml").from("127.0.0.1", ringingPort));
        try (Baresip calling =
                Baresip.start(
                        caller.domain(),
                        caller.login(),
                        caller.password(),
                        Ports.freeUdpPair(),
                        false,
                        "sip:" + ringing.extension() + "@" + caller.domain(),
                        0,
                        new Baresip.Audio(
                                Tones.wav(work.resolve("1k.wav"), 1000, 30), callerHeard))) {
            phone.awaitLog("ringing with the server's offer");
            try (Baresip picking =
                    Baresip.start(
                            picker.domain(),
                            picker.login(),
                            picker.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:*8@" + picker.domain(),
                            0,
                            new Baresip.Audio(
                                    Tones.wav(work.resolve("2k.wav"), 2000, 30), pickerHeard))) {
                assertThat(picking.awaitOutput("Call established", Duration.ofSeconds(15)))
                        .as(picking.output())
                        .isTrue();
                awaitHeard(pickerHeard, 3.0);
                picking.command("/hangup");
                assertThat(calling.awaitOutput("terminated", Duration.ofSeconds(10)))
                        .as(calling.output())
                        .isTrue();
            }
        }
        assertThat(phone.await().exitCode()).as("the ringing phone was cancelled").isZero();

        Tones.Pcm heardByPicker = Tones.read(Tones.find(pickerHeard, "-dec.wav"), 0);
        Tones.Pcm heardByCaller = Tones.read(Tones.find(callerHeard, "-dec.wav"), 0);
        assertThat(heardByPicker.secondsOf(1000, 0.5))
                .as("the picker heard the caller")
                .isGreaterThan(2.0);
        assertThat(heardByCaller.secondsOf(2000, 0.5))
                .as("the caller heard the picker")
                .isGreaterThan(2.0);
        assertThat(record(world().domainAId, caller))
                .startsWith("ANSWERED 200 to=" + picker.extension() + " answered=true leg=true");
    }

    @Test
    void theCallerHearsTheGreetingThenOurRingbackToneThenTheCallee() throws Exception {
        SipCredentials caller = employee();
        SipCredentials callee = employee();
        Path work = Files.createTempDirectory("vpbx-pickup-it-");
        setGreeting(world().domainAId, callee, greeting(work, 1500));
        Path callerHeard = Files.createDirectories(work.resolve("caller"));
        try (Baresip ringing =
                Baresip.start(
                        callee.domain(),
                        callee.login(),
                        callee.password(),
                        Ports.freeUdpPair(),
                        false,
                        null,
                        0,
                        new Baresip.Audio(Tones.wav(work.resolve("2k.wav"), 2000, 30), null))) {
            assertThat(ringing.awaitOutput("200 OK", Duration.ofSeconds(15)))
                    .as(ringing.output())
                    .isTrue();
            long dialled = System.nanoTime();
            try (Baresip calling =
                    Baresip.start(
                            caller.domain(),
                            caller.login(),
                            caller.password(),
                            Ports.freeUdpPair(),
                            false,
                            "sip:" + callee.extension() + "@" + callee.domain(),
                            0,
                            new Baresip.Audio(
                                    Tones.wav(work.resolve("1k.wav"), 1000, 30), callerHeard))) {
                assertThat(ringing.awaitOutput("Incoming call", Duration.ofSeconds(15)))
                        .as(ringing.output())
                        .isTrue();
                long rangAfter = (System.nanoTime() - dialled) / 1_000_000;
                assertThat(rangAfter)
                        .as("the phone rings once the 3 s greeting has played")
                        .isGreaterThan(2_800L);
                awaitAllHeard(callerHeard, 6.0);
                ringing.command("/accept");
                assertThat(calling.awaitOutput("Call established", Duration.ofSeconds(10)))
                        .as(calling.output())
                        .isTrue();
                awaitAllHeard(callerHeard, 8.5);
                calling.command("/hangup");
                assertThat(calling.awaitOutput("terminated", Duration.ofSeconds(10))).isTrue();
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
                world().adminOf(world().domainA),
                () -> {
                    try (InputStream in = Files.newInputStream(tone)) {
                        return audioFiles.upload(
                                AudioKind.GREETING,
                                "Greeting " + frequency + " " + EXTENSIONS.incrementAndGet(),
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

    /** Waits until the phone's capture holds the seconds of audio (baresip writes as it hears). */
    private static void awaitHeard(Path directory, double seconds) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () ->
                                Files.size(Tones.find(directory, "-dec.wav"))
                                        >= (long) (44 + seconds * 16000));
    }

    // --- fixture: the database as the console will write it ------------------------------------

    private long pickupGroup(long domainId, String name) throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO pickup_group (domain_id, name, created_at, version)"
                                        + " VALUES (?, ?, NOW(6), 0)",
                                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, domainId);
            insert.setString(2, name + " " + EXTENSIONS.incrementAndGet());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void join(long domainId, long groupId, SipCredentials... members) throws Exception {
        for (SipCredentials member : members) {
            update(
                    domainId,
                    "UPDATE domain_user SET pickup_group_id = ? WHERE domain_id = ? AND extension = ?",
                    groupId,
                    member.extension());
        }
    }

    private void setAbsence(long domainId, SipCredentials user, LocalDate from, LocalDate until)
            throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "UPDATE domain_user SET absent_from = ?, absent_until = ?"
                                        + " WHERE domain_id = ? AND extension = ?")) {
            q.setDate(1, Date.valueOf(from));
            q.setDate(2, Date.valueOf(until));
            q.setLong(3, domainId);
            q.setString(4, user.extension());
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
        directory.changed(domainId);
    }

    private void setGreeting(long domainId, SipCredentials user, long audioFileId)
            throws Exception {
        update(
                domainId,
                "UPDATE domain_user SET greeting_id = ? WHERE domain_id = ? AND extension = ?",
                audioFileId,
                user.extension());
    }

    private void setPickupCode(long domainId, String code) throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement("UPDATE domain SET pickup_code = ? WHERE id = ?")) {
            q.setString(1, code);
            q.setLong(2, domainId);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
        directory.changed(domainId);
    }

    /** Sets a user's column, then drops the domain from the SIP directory as a JPA save would. */
    private void update(long domainId, String sql, long value, String extension) throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, value);
            q.setLong(2, domainId);
            q.setString(3, extension);
            assertThat(q.executeUpdate()).isEqualTo(1);
        }
        directory.changed(domainId);
    }

    // --- phones -----------------------------------------------------------------------------

    private static Sipp.Running calling(SipCredentials caller, String dialled, int talkMillis)
            throws Exception {
        return Sipp.start(
                Sipp.Run.of("uac-call.xml")
                        .from("127.0.0.1", Ports.freeUdp())
                        .fields(caller.domain(), caller.login(), dialled)
                        .credentials(caller.login(), caller.password())
                        .talk(talkMillis));
    }

    private static Sipp.Result dial(String scenario, SipCredentials caller, String dialled)
            throws Exception {
        return Sipp.run(
                Sipp.Run.of(scenario)
                        .from("127.0.0.1", Ports.freeUdp())
                        .fields(caller.domain(), caller.login(), dialled)
                        .credentials(caller.login(), caller.password()));
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

    private static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("java:jboss/datasources/VpbxDS");
    }

    private interface Column<T> {
        T read(ResultSet rs) throws Exception;
    }

    /** Columns of the caller's only call record in the domain, once the MDB has written it. */
    private static <T> T queryRecord(
            long domainId, SipCredentials caller, String select, Column<T> column)
            throws Exception {
        DataSource dataSource = dataSource();
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Connection c = dataSource.getConnection();
                                    PreparedStatement q =
                                            c.prepareStatement(
                                                    select
                                                            + " FROM call_record"
                                                            + " WHERE caller_extension = ?"
                                                            + " AND domain_id = ?")) {
                                q.setString(1, caller.extension());
                                q.setLong(2, domainId);
                                try (ResultSet rs = q.executeQuery()) {
                                    if (!rs.next()) {
                                        return null;
                                    }
                                    T value = column.read(rs);
                                    if (rs.next()) {
                                        throw new AssertionError(
                                                "more than one record of " + caller.extension());
                                    }
                                    return value;
                                }
                            }
                        },
                        value -> value != null);
    }

    private static String record(long domainId, SipCredentials caller) throws Exception {
        return queryRecord(
                domainId,
                caller,
                "SELECT result, sip_status, callee_extension, answered_at IS NOT NULL,"
                        + " callee_call_id IS NOT NULL, direction, dialled, caller_name",
                rs ->
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
                                + rs.getString(8));
    }

    private static String calleeCallId(long domainId, SipCredentials caller) throws Exception {
        return queryRecord(domainId, caller, "SELECT callee_call_id", rs -> rs.getString(1));
    }

    private static int ringSeconds(long domainId, SipCredentials caller) throws Exception {
        return queryRecord(domainId, caller, "SELECT ring_seconds", rs -> rs.getInt(1));
    }

    /** The caller's records so far (after the others' have been written). */
    private static int recordsOf(long domainId, SipCredentials caller) throws Exception {
        try (Connection c = dataSource().getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM call_record"
                                        + " WHERE caller_extension = ? AND domain_id = ?")) {
            q.setString(1, caller.extension());
            q.setLong(2, domainId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}

package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.domain.DomainConsoleService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.it.support.Baresip;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Employees;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.Ports;
import io.vpbx.it.support.SipRegisterClient;
import io.vpbx.it.support.Sipp;
import io.vpbx.it.support.TenancyFixture;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The registrar against real peers: sipp for MD5 digest, a JAIN-SIP client for SHA-256 (sipp has
 * none), bindings checked as the registrar holds them and as written behind to the database, device
 * limit, expiry bounds, bans and tenant isolation. Each test that provokes failures sends from its
 * own loopback address, so its ban hits nobody else.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrarSipIT {
    private static final AtomicInteger EXTENSIONS = new AtomicInteger(300);
    private static TenancyFixture world;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(RegistrarSipIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;
    @Inject private DomainConsoleService console;

    private TenancyFixture world() throws Exception {
        synchronized (RegistrarSipIT.class) {
            if (world == null) {
                world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
            }
            return world;
        }
    }

    /** A new employee of domain A with a SIP number; MD5-only for sipp when asked. */
    private SipCredentials employee(boolean md5Only) throws Exception {
        return employeeOf(world().domainA, md5Only);
    }

    private SipCredentials employeeOf(String domain, boolean md5Only) throws Exception {
        return Employees.create(
                users,
                world().adminOf(domain),
                Integer.toString(EXTENSIONS.incrementAndGet()),
                new SipNumberSettings(4, 2, true, md5Only, 30));
    }

    private static Sipp.Result register(SipCredentials sip, String ip, int port, String expires)
            throws Exception {
        return Sipp.run(
                Sipp.Run.of("register.xml")
                        .from(ip, port)
                        .fields(sip.domain(), sip.login(), expires)
                        .credentials(sip.login(), sip.password()));
    }

    /**
     * The bindings the registrar holds (as the registrations page shows them): contact, source
     * address, port, transport, user agent, expiry; after checking that the database catches up
     * with them within the write-behind's second (ADR 0005).
     */
    private List<String> bindings(SipCredentials sip) throws Exception {
        Instant now = Instant.now();
        List<RegistrationRow> held =
                Identities.as(world().adminOf(sip.domain()), () -> users.registrations()).stream()
                        .filter(r -> r.sipLogin().equals(sip.login()) && r.contact() != null)
                        .toList();
        List<String> where =
                held.stream()
                        .map(r -> r.contact() + " from " + r.source() + " ua=" + r.userAgent())
                        .toList();
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(
                        () -> assertThat(stored(sip)).containsExactlyInAnyOrderElementsOf(where));
        return held.stream()
                .map(
                        r -> {
                            long left = Duration.between(now, r.expiresAt()).toSeconds();
                            return r.contact()
                                    + " from "
                                    + r.source()
                                    + " ua="
                                    + r.userAgent()
                                    + (left > 290 && left <= 300
                                            ? " expires~300"
                                            : " expires=" + left);
                        })
                .toList();
    }

    /** The bindings in the database: contact, source address, port, transport, user agent. */
    private static List<String> stored(SipCredentials sip) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:jboss/datasources/VpbxDS");
        try (Connection c = dataSource.getConnection();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT r.contact_uri, r.source_address, r.source_port,"
                                        + " r.transport, r.user_agent"
                                        + " FROM sip_registration r JOIN sip_number n"
                                        + " ON n.id = r.sip_number_id"
                                        + " WHERE n.login = ? AND r.expires_at > UTC_TIMESTAMP()")) {
            q.setString(1, sip.login());
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            rs.getString(1)
                                    + " from "
                                    + rs.getString(2)
                                    + ":"
                                    + rs.getInt(3)
                                    + "/"
                                    + rs.getString(4)
                                    + " ua="
                                    + rs.getString(5));
                }
            }
            return rows;
        }
    }

    @Test
    void aPhoneRegistersWithMd5AndUnregisters() throws Exception {
        SipCredentials sip = employee(true);
        int port = Ports.freeUdp();

        Sipp.Result registered = register(sip, "127.0.0.1", port, "300");

        assertThat(registered.exitCode()).as(registered.output()).isZero();
        assertThat(registered.log()).contains("granted 300");
        String contact = "sip:" + sip.login() + "@127.0.0.1:" + port;
        assertThat(bindings(sip))
                .containsExactly(
                        contact + " from 127.0.0.1:" + port + "/UDP ua=sipp-register expires~300");

        Sipp.Result unregistered =
                Sipp.run(
                        Sipp.Run.of("unregister.xml")
                                .from("127.0.0.1", port)
                                .fields(sip.domain(), sip.login(), "0")
                                .credentials(sip.login(), sip.password()));
        assertThat(unregistered.exitCode()).as(unregistered.output()).isZero();
        assertThat(bindings(sip)).isEmpty();
    }

    @Test
    void sha256IsOfferedFirstAndAnsweredWithSha256() throws Exception {
        SipCredentials sip = employee(false);
        try (SipRegisterClient phone =
                new SipRegisterClient("127.0.0.1", sip.domain(), sip.login())) {
            SipRegisterClient.Exchange challenge = phone.register(600);
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.challenges()).hasSize(2);
            assertThat(challenge.challenges().get(0))
                    .contains("realm=\"" + sip.domain() + "\"")
                    .contains("algorithm=SHA-256")
                    .contains("qop=\"auth\"");
            assertThat(challenge.challenges().get(1)).contains("algorithm=MD5");

            SipRegisterClient.Exchange ok =
                    phone.register(600, challenge.challenges().get(0), "SHA-256", sip.password());

            assertThat(ok.status()).as(ok.response()).isEqualTo(200);
            assertThat(ok.response())
                    .contains(
                            "<sip:"
                                    + sip.login()
                                    + "@127.0.0.1:"
                                    + phone.localPort()
                                    + ">;expires=600");
        }
        assertThat(bindings(sip)).singleElement().asString().contains("ua=vpbx-it-sha256");
    }

    @Test
    void aRealSoftphoneRegisters() throws Exception {
        SipCredentials sip = employee(true);
        int port = Ports.freeUdp();

        try (Baresip phone = Baresip.register(sip.domain(), sip.login(), sip.password(), port)) {
            assertThat(phone.awaitOutput("200 OK", Duration.ofSeconds(15)))
                    .as(phone.output())
                    .isTrue();
            assertThat(bindings(sip))
                    .singleElement()
                    .asString()
                    .startsWith("sip:" + sip.login() + "-")
                    .contains("@127.0.0.1:" + port)
                    .contains(" from 127.0.0.1:" + port + "/UDP ua=baresip");
        }
    }

    @Test
    void aWrongPasswordIsChallengedAgainAndRepeatedFailuresBanTheSource() throws Exception {
        SipCredentials sip = employee(true);

        Sipp.Result wrong =
                Sipp.run(
                        Sipp.Run.of("register-rechallenged.xml")
                                .calls(10)
                                .from("127.0.0.2", 0)
                                .fields(sip.domain(), sip.login(), "300")
                                .credentials(sip.login(), "wrong-password"));
        assertThat(wrong.exitCode()).as(wrong.output()).isZero();
        assertThat(bindings(sip)).isEmpty();

        Sipp.Result banned =
                Sipp.run(Sipp.Run.of("options.xml").from("127.0.0.2", 0).timeout("4s"));
        assertThat(banned.exitCode()).as("a banned source gets no answer").isNotZero();
        Sipp.Result others = Sipp.run(Sipp.Run.of("options.xml").from("127.0.0.1", 0));
        assertThat(others.exitCode()).as(others.output()).isZero();
    }

    @Test
    void aNumberDisabledInTheConsoleIsRefusedAtItsNextRegister() throws Exception {
        LoginResult admin = world().adminOf(world().domainA);
        String extension = Integer.toString(EXTENSIONS.incrementAndGet());
        long userId =
                Identities.as(
                        admin,
                        () -> {
                            long id =
                                    users.createUser(
                                            new NewDomainUser(
                                                    extension,
                                                    "Employee " + extension,
                                                    "emp" + extension,
                                                    null));
                            users.changeSipNumber(id, new SipNumberSettings(4, 2, true, true, 30));
                            return id;
                        });
        SipCredentials sip = Identities.as(admin, () -> users.sipCredentials(userId));
        int port = Ports.freeUdp();
        Sipp.Result before = register(sip, "127.0.0.1", port, "300");
        assertThat(before.exitCode()).as(before.output()).isZero();

        Identities.run(
                admin,
                () -> users.changeSipNumber(userId, new SipNumberSettings(4, 2, false, true, 30)));
        Sipp.Result disabled =
                Sipp.run(
                        Sipp.Run.of("register-forbidden.xml")
                                .from("127.0.0.1", port)
                                .fields(sip.domain(), sip.login(), "300")
                                .credentials(sip.login(), sip.password()));

        assertThat(disabled.exitCode()).as(disabled.output()).isZero();
        assertThat(disabled.log()).contains("SIP number disabled");

        Identities.run(
                admin,
                () -> users.changeSipNumber(userId, new SipNumberSettings(4, 2, true, true, 30)));
        Sipp.Result enabled = register(sip, "127.0.0.1", port, "300");
        assertThat(enabled.exitCode()).as(enabled.output()).isZero();
    }

    @Test
    void aFifthDeviceIsRefusedAndTheFourStay() throws Exception {
        SipCredentials sip = employee(true);
        for (int device = 1; device <= 4; device++) {
            Sipp.Result ok = register(sip, "127.0.0.1", Ports.freeUdp(), "300");
            assertThat(ok.exitCode()).as("device " + device + ": " + ok.output()).isZero();
        }

        Sipp.Result fifth =
                Sipp.run(
                        Sipp.Run.of("register-forbidden.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(sip.domain(), sip.login(), "300")
                                .credentials(sip.login(), sip.password()));

        assertThat(fifth.exitCode()).as(fifth.output()).isZero();
        assertThat(fifth.log()).contains("Too many devices registered (limit 4)");
        assertThat(bindings(sip)).hasSize(4);
    }

    @Test
    void tooBriefAnExpiryGets423WithTheMinimum() throws Exception {
        SipCredentials sip = employee(true);

        Sipp.Result brief =
                Sipp.run(
                        Sipp.Run.of("register-too-brief.xml")
                                .from("127.0.0.1", Ports.freeUdp())
                                .fields(sip.domain(), sip.login(), "30")
                                .credentials(sip.login(), sip.password()));

        assertThat(brief.exitCode()).as(brief.output()).isZero();
        assertThat(brief.log()).contains("Min-Expires: 60");
        assertThat(bindings(sip)).isEmpty();
    }

    @Test
    void nobodyRegistersIntoAnotherDomainOrAsAnotherUser() throws Exception {
        TenancyFixture w = world();
        SipCredentials mine = employee(true);
        SipCredentials colleague = employee(true);

        try (SipRegisterClient intruder =
                new SipRegisterClient("127.0.0.3", w.domainB, mine.login())) {
            SipRegisterClient.Exchange challenge = intruder.register(300);
            assertThat(challenge.status()).isEqualTo(401);
            SipRegisterClient.Exchange refused =
                    intruder.register(300, challenge.challenges().get(1), "MD5", mine.password());
            assertThat(refused.status()).as("A's credentials mean nothing in B").isEqualTo(401);
        }

        Sipp.Result otherUser =
                Sipp.run(
                        Sipp.Run.of("register-forbidden.xml")
                                .from("127.0.0.3", 0)
                                .fields(mine.domain(), colleague.login(), "300")
                                .credentials(mine.login(), mine.password()));
        assertThat(otherUser.exitCode()).as(otherUser.output()).isZero();
        assertThat(otherUser.log()).contains("Address of record is not the authenticated user");
        assertThat(bindings(mine)).isEmpty();
        assertThat(bindings(colleague)).isEmpty();

        try (SipRegisterClient stranger =
                new SipRegisterClient("127.0.0.3", "nowhere.test.vpbx", mine.login())) {
            assertThat(stranger.register(300).status()).isEqualTo(404);
        }
    }

    @Test
    void aMalformedRequestGets400AndGarbageIsDropped() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.5"))) {
            socket.setSoTimeout(3000);
            String badCseq =
                    "OPTIONS sip:nowhere.test SIP/2.0\r\n"
                            + "Via: SIP/2.0/UDP 127.0.0.5:"
                            + socket.getLocalPort()
                            + ";branch=z9hG4bKbad1\r\n"
                            + "From: <sip:a@nowhere.test>;tag=1\r\n"
                            + "To: <sip:a@nowhere.test>\r\n"
                            + "Call-ID: bad-cseq@test\r\n"
                            + "CSeq: many OPTIONS\r\n"
                            + "Max-Forwards: 70\r\n"
                            + "Content-Length: 0\r\n\r\n";
            assertThat(exchange(socket, badCseq)).startsWith("SIP/2.0 400 ");
            assertThat(exchange(socket, "HELLO\r\n\r\n")).isEmpty();
        }
        Sipp.Result stillUp = Sipp.run(Sipp.Run.of("options.xml").from("127.0.0.5", 0));
        assertThat(stillUp.exitCode()).as(stillUp.output()).isZero();
    }

    @Test
    void phonesRegisterOnlyFromTheDomainsAllowedAddresses() throws Exception {
        TenancyFixture w = world();
        SipCredentials sip = employeeOf(w.domainC, true);
        LoginResult admin = w.adminOf(w.domainC);
        Identities.run(admin, () -> console.changeSipAllowList("127.0.0.9, 10.0.0.0/8"));
        try {
            Sipp.Result outside =
                    Sipp.run(
                            Sipp.Run.of("register-forbidden.xml")
                                    .from("127.0.0.1", Ports.freeUdp())
                                    .fields(sip.domain(), sip.login(), "300")
                                    .credentials(sip.login(), sip.password()));
            assertThat(outside.exitCode()).as(outside.output()).isZero();
            assertThat(outside.log()).contains("Registration from this address not allowed");
            assertThat(bindings(sip)).isEmpty();

            Sipp.Result inside = register(sip, "127.0.0.9", 0, "300");
            assertThat(inside.exitCode()).as(inside.output()).isZero();
            assertThat(bindings(sip)).singleElement().asString().contains(" from 127.0.0.9:");
        } finally {
            Identities.run(admin, () -> console.changeSipAllowList(""));
        }
        assertThat(Identities.as(admin, console::sipAllowList)).isEmpty();
    }

    /** Sends one datagram to the server; the first line of the answer, or "" if none came. */
    private static String exchange(DatagramSocket socket, String message) throws Exception {
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        socket.send(
                new java.net.DatagramPacket(
                        bytes,
                        bytes.length,
                        new java.net.InetSocketAddress(
                                "127.0.0.1", io.vpbx.it.support.ItSettings.sipPort())));
        byte[] buffer = new byte[65_535];
        java.net.DatagramPacket answer = new java.net.DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(answer);
        } catch (java.net.SocketTimeoutException none) {
            return "";
        }
        String text =
                new String(buffer, 0, answer.getLength(), java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().findFirst().orElse("");
    }
}

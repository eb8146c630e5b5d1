package io.vpbx.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.awaitility.Awaitility;

/**
 * The world of a SIP test class: a {@link TenancyFixture}, employees with SIP numbers in its
 * domains, calls between two of them with sipp as both phones, and the call records the server
 * wrote for them. A bean of the test deployment (inject it), so each test class gets its own world,
 * built on first use.
 */
@ApplicationScoped
public class SipCallFixture {
    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private DomainUsersService users;

    private final AtomicInteger numbers = new AtomicInteger(500);
    private TenancyFixture world;

    public synchronized TenancyFixture world() throws Exception {
        if (world == null) {
            world = TenancyFixture.create(authentication, platform, poolDomains, poolAdmins);
        }
        return world;
    }

    /** A number not used before in this fixture (for extensions and unique names). */
    public int nextNumber() {
        return numbers.incrementAndGet();
    }

    /** A new employee of domain A: 2 channels, rung for 30 s. */
    public SipCredentials employee() throws Exception {
        return employeeOf(world().domainA, 2, 30);
    }

    /** A new employee of domain A with its channels and ring time. */
    public SipCredentials employee(int channels, int ringSeconds) throws Exception {
        return employeeOf(world().domainA, channels, ringSeconds);
    }

    /** A new employee of the domain: 2 channels, rung for 30 s. */
    public SipCredentials employeeOf(String domain) throws Exception {
        return employeeOf(domain, 2, 30);
    }

    private SipCredentials employeeOf(String domain, int channels, int ringSeconds)
            throws Exception {
        return Employees.create(
                users,
                world().adminOf(domain),
                Integer.toString(nextNumber()),
                new SipNumberSettings(4, channels, true, true, ringSeconds));
    }

    /** The id of the domain the SIP number belongs to (one of the fixture's domains). */
    public long domainIdOf(SipCredentials sip) throws Exception {
        TenancyFixture world = world();
        if (sip.domain().equals(world.domainA)) {
            return world.domainAId;
        }
        if (sip.domain().equals(world.domainB)) {
            return world.domainBId;
        }
        if (sip.domain().equals(world.domainC)) {
            return world.domainCId;
        }
        throw new IllegalArgumentException("not a domain of the fixture: " + sip.domain());
    }

    // --- calls -------------------------------------------------------------------------------

    /** What one call did: the caller's and the callee's phone. */
    public record Call(Sipp.Result caller, Sipp.Result callee) {}

    /**
     * A call between two sipp phones: the callee registers from a free port and waits there with
     * its scenario, the caller dials the callee's extension with its own; both must succeed.
     */
    public static Call call(
            SipCredentials caller,
            String callerScenario,
            SipCredentials callee,
            String calleeScenario)
            throws Exception {
        Sipp.Running phone = Sipp.start(Sipp.Run.phone(calleeScenario, Sipp.registered(callee)));
        Sipp.Result call = Sipp.run(Sipp.Run.call(callerScenario, caller, callee.extension()));
        Sipp.Result answered = phone.await();
        assertThat(call.exitCode()).as(call.output()).isZero();
        assertThat(answered.exitCode()).as(answered.output()).isZero();
        return new Call(call, answered);
    }

    /**
     * Phones of one SIP number, one for each scenario: each registers from its own free port, then
     * all wait there with their scenarios.
     */
    public static List<Sipp.Running> devices(SipCredentials sip, String... scenarios)
            throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < scenarios.length; i++) {
            ports.add(Sipp.registered(sip));
        }
        List<Sipp.Running> phones = new ArrayList<>();
        for (int i = 0; i < scenarios.length; i++) {
            phones.add(Sipp.start(Sipp.Run.phone(scenarios[i], ports.get(i))));
        }
        return phones;
    }

    // --- call records --------------------------------------------------------------------------

    /** Reads columns of a row. */
    @FunctionalInterface
    public interface Column<T> {
        T read(ResultSet rs) throws Exception;
    }

    public static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("java:jboss/datasources/VpbxDS");
    }

    /**
     * The caller's call record as one line, once the MDB has written it: result, SIP status, callee
     * extension, whether it was answered, whether the answering leg is known, direction, the number
     * dialled and the caller's name.
     */
    public String record(SipCredentials caller) throws Exception {
        return column(
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

    /**
     * Columns ({@code select} without its FROM) of the caller's only call record in its domain,
     * once the MDB has written it; a second record fails.
     */
    public <T> T column(SipCredentials caller, String select, Column<T> column) throws Exception {
        return awaitRow(
                select + " FROM call_record WHERE caller_extension = ? AND domain_id = ?",
                rs -> {
                    T value = column.read(rs);
                    if (rs.next()) {
                        throw new AssertionError("more than one record of " + caller.extension());
                    }
                    return value;
                },
                caller.extension(),
                domainIdOf(caller));
    }

    /** What {@code columns} reads from the query's first row, once there is one (at most 20 s). */
    public static <T> T awaitRow(String sql, Column<T> columns, Object... parameters)
            throws Exception {
        DataSource dataSource = dataSource();
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            try (Connection c = dataSource.getConnection();
                                    PreparedStatement q = c.prepareStatement(sql)) {
                                for (int i = 0; i < parameters.length; i++) {
                                    q.setObject(i + 1, parameters[i]);
                                }
                                try (ResultSet rs = q.executeQuery()) {
                                    return rs.next() ? columns.read(rs) : null;
                                }
                            }
                        },
                        value -> value != null);
    }

    /** How many call records the caller has so far (without waiting). */
    public int recordsOf(SipCredentials caller) throws Exception {
        return awaitRow(
                "SELECT COUNT(*) FROM call_record WHERE caller_extension = ? AND domain_id = ?",
                rs -> rs.getInt(1),
                caller.extension(),
                domainIdOf(caller));
    }
}

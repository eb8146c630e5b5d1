package io.vpbx.infrastructure.persistence;

import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Bindings are written with multi-row statements: the registrar's write-behind replaces thousands
 * of them per second, which one entity (or one statement) at a time cannot keep up with.
 */
@ApplicationScoped
public class JpaSipRegistrationRepository implements SipRegistrationRepository {
    /** Numbers per DELETE ... IN and per existence check. */
    private static final int CHUNK = 500;

    /** Bindings per multi-row INSERT (11 parameters each). */
    private static final int ROWS_PER_INSERT = 200;

    @Inject private EntityManager em;

    @Override
    public List<SipRegistration> listActive(Instant now) {
        return em.createQuery(
                        "select r from SipRegistration r where r.expiresAt > :now"
                                + " order by r.sipNumberId, r.id",
                        SipRegistration.class)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public void replaceForNumbers(Map<Long, List<SipRegistration>> bindingsByNumber) {
        if (bindingsByNumber.isEmpty()) {
            return;
        }
        List<Long> numbers = List.copyOf(bindingsByNumber.keySet());
        em.unwrap(Session.class)
                .doWork(
                        connection -> {
                            for (int from = 0; from < numbers.size(); from += CHUNK) {
                                List<Long> chunk =
                                        numbers.subList(
                                                from, Math.min(numbers.size(), from + CHUNK));
                                Set<Long> existing = existing(connection, chunk);
                                delete(connection, chunk);
                                List<SipRegistration> rows = new ArrayList<>();
                                for (Long number : chunk) {
                                    if (existing.contains(number)) {
                                        rows.addAll(bindingsByNumber.get(number));
                                    }
                                }
                                insert(connection, rows);
                            }
                        });
    }

    /** The numbers of the chunk that still exist (a user may have been deleted meanwhile). */
    private static Set<Long> existing(Connection connection, List<Long> numbers)
            throws SQLException {
        Set<Long> found = new HashSet<>();
        try (PreparedStatement q =
                connection.prepareStatement(
                        "SELECT id FROM sip_number WHERE id IN (" + marks(numbers.size()) + ")")) {
            for (int i = 0; i < numbers.size(); i++) {
                q.setLong(i + 1, numbers.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    private static void delete(Connection connection, List<Long> numbers) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement(
                        "DELETE FROM sip_registration WHERE sip_number_id IN ("
                                + marks(numbers.size())
                                + ")")) {
            for (int i = 0; i < numbers.size(); i++) {
                delete.setLong(i + 1, numbers.get(i));
            }
            delete.executeUpdate();
        }
    }

    /** Multi-row inserts: one statement per {@link #ROWS_PER_INSERT} bindings. */
    private static void insert(Connection connection, List<SipRegistration> rows)
            throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<SipRegistration> part =
                    rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql =
                    new StringBuilder(
                            "INSERT INTO sip_registration (domain_id, sip_number_id, contact_uri,"
                                    + " call_id, cseq, expires_at, registered_at, source_address,"
                                    + " source_port, transport, user_agent, version) VALUES ");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,0)");
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (SipRegistration r : part) {
                    insert.setLong(p++, r.domainId());
                    insert.setLong(p++, r.sipNumberId());
                    insert.setString(p++, r.contactUri());
                    insert.setString(p++, r.callId());
                    insert.setLong(p++, r.cseq());
                    insert.setObject(p++, utc(r.expiresAt()));
                    insert.setObject(p++, utc(r.registeredAt()));
                    insert.setString(p++, r.sourceAddress());
                    insert.setInt(p++, r.sourcePort());
                    insert.setString(p++, r.transport());
                    if (r.userAgent() == null) {
                        insert.setNull(p++, Types.VARCHAR);
                    } else {
                        insert.setString(p++, r.userAgent());
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /**
     * DATETIME(6) columns hold UTC (hibernate.jdbc.time_zone), written here without a zone shift.
     */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public int purgeExpired(Instant before) {
        return em.createQuery("delete from SipRegistration r where r.expiresAt <= :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}

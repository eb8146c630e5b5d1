package io.vpbx.infrastructure.persistence;

import io.vpbx.model.sip.SipRegistration;
import io.vpbx.model.sip.SipRegistrationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Bindings are written in JDBC batches: the registrar's write-behind replaces thousands of them per
 * second, which one entity at a time (identity keys defeat Hibernate's batching) cannot keep up
 * with.
 */
@ApplicationScoped
public class JpaSipRegistrationRepository implements SipRegistrationRepository {
    private static final int BATCH = 500;

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
        em.unwrap(Session.class)
                .doWork(
                        connection -> {
                            try (PreparedStatement delete =
                                    connection.prepareStatement(
                                            "DELETE FROM sip_registration WHERE sip_number_id = ?")) {
                                int pending = 0;
                                for (Long number : bindingsByNumber.keySet()) {
                                    delete.setLong(1, number);
                                    delete.addBatch();
                                    if (++pending % BATCH == 0) {
                                        delete.executeBatch();
                                    }
                                }
                                delete.executeBatch();
                            }
                            try (PreparedStatement insert =
                                    connection.prepareStatement(
                                            "INSERT INTO sip_registration (domain_id,"
                                                    + " sip_number_id, contact_uri, call_id, cseq,"
                                                    + " expires_at, registered_at, source_address,"
                                                    + " source_port, transport, user_agent, version)"
                                                    + " SELECT domain_id, id, ?, ?, ?, ?, ?, ?, ?,"
                                                    + " ?, ?, 0 FROM sip_number WHERE id = ?")) {
                                int pending = 0;
                                for (List<SipRegistration> bindings : bindingsByNumber.values()) {
                                    for (SipRegistration r : bindings) {
                                        insert.setString(1, r.contactUri());
                                        insert.setString(2, r.callId());
                                        insert.setLong(3, r.cseq());
                                        insert.setObject(4, utc(r.expiresAt()));
                                        insert.setObject(5, utc(r.registeredAt()));
                                        insert.setString(6, r.sourceAddress());
                                        insert.setInt(7, r.sourcePort());
                                        insert.setString(8, r.transport());
                                        if (r.userAgent() == null) {
                                            insert.setNull(9, Types.VARCHAR);
                                        } else {
                                            insert.setString(9, r.userAgent());
                                        }
                                        insert.setLong(10, r.sipNumberId());
                                        insert.addBatch();
                                        if (++pending % BATCH == 0) {
                                            insert.executeBatch();
                                        }
                                    }
                                }
                                insert.executeBatch();
                            }
                        });
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

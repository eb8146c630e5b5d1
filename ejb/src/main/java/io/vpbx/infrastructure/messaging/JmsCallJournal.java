package io.vpbx.infrastructure.messaging;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.application.sip.CallRouting;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts call-ended events on the durable {@code VpbxCallRecords} queue as map messages (plain
 * values, no Java serialisation). {@link CallRecordConsumer} turns them into call records. The send
 * is outside any transaction: a persistent message is on disk when it returns. If the queue cannot
 * take it, the record is written at once instead, so a broker failure loses no call.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsCallJournal implements CallJournal {
    private static final Logger LOG = Logger.getLogger(JmsCallJournal.class.getName());

    @Inject private JMSContext jms;
    @Inject private CallRecording recording;

    @Resource(lookup = "java:/jms/queue/VpbxCallRecords")
    private Queue queue;

    @Override
    public void callEnded(CallEnded call) {
        try {
            MapMessage m = jms.createMapMessage();
            m.setLong("domainId", call.domainId());
            m.setString("callId", call.callId());
            m.setString("calleeCallId", call.calleeCallId());
            put(m, "caller", call.caller());
            put(m, "callee", call.callee());
            m.setString("dialled", call.dialled());
            m.setLong("startedAt", call.startedAt().toEpochMilli());
            if (call.answeredAt() != null) {
                m.setLong("answeredAt", call.answeredAt().toEpochMilli());
            }
            m.setLong("endedAt", call.endedAt().toEpochMilli());
            m.setString("result", call.result().name());
            m.setInt("sipStatus", call.sipStatus());
            if (call.endReason() != null) {
                m.setString("endReason", call.endReason().name());
            }
            jms.createProducer().send(queue, m);
        } catch (JMSException | JMSRuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot queue the record of call " + call.callId() + "; writing it directly",
                    e);
            recording.record(call);
        }
    }

    private static void put(MapMessage m, String prefix, CallRouting.Party party)
            throws JMSException {
        if (party == null) {
            return;
        }
        m.setLong(prefix + ".id", party.sipNumberId());
        if (party.userId() != null) {
            m.setLong(prefix + ".user", party.userId());
        }
        m.setString(prefix + ".login", party.login());
        m.setString(prefix + ".extension", party.extension());
        m.setString(prefix + ".name", party.displayName());
        m.setInt(prefix + ".channels", party.channelLimit());
    }

    static CallRouting.Party party(MapMessage m, String prefix) throws JMSException {
        if (!m.itemExists(prefix + ".id")) {
            return null;
        }
        return new CallRouting.Party(
                m.getLong(prefix + ".id"),
                m.itemExists(prefix + ".user") ? m.getLong(prefix + ".user") : null,
                m.getString(prefix + ".login"),
                m.getString(prefix + ".extension"),
                m.getString(prefix + ".name"),
                m.getInt(prefix + ".channels"));
    }

    static Instant instant(MapMessage m, String name) throws JMSException {
        return m.itemExists(name) ? Instant.ofEpochMilli(m.getLong(name)) : null;
    }
}

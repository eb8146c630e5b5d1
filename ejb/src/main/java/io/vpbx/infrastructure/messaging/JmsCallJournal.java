package io.vpbx.infrastructure.messaging;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRouting;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Puts call-ended events on the durable {@code VpbxCallRecords} queue as map messages (plain
 * values, no Java serialisation). {@link CallRecordConsumer} turns them into call records.
 */
@Stateless
@PermitAll
public class JmsCallJournal implements CallJournal {
    @Inject private JMSContext jms;

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
            jms.createProducer().send(queue, m);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue the call record of " + call.callId(), e);
        }
    }

    private static void put(MapMessage m, String prefix, CallRouting.Party party)
            throws JMSException {
        if (party == null) {
            return;
        }
        m.setLong(prefix + ".id", party.sipNumberId());
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
                m.getString(prefix + ".login"),
                m.getString(prefix + ".extension"),
                m.getString(prefix + ".name"),
                m.getInt(prefix + ".channels"));
    }

    static Instant instant(MapMessage m, String name) throws JMSException {
        return m.itemExists(name) ? Instant.ofEpochMilli(m.getLong(name)) : null;
    }
}

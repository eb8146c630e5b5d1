package io.vpbx.infrastructure.messaging;

import io.vpbx.application.sip.CallEnded;
import io.vpbx.application.sip.CallRecording;
import io.vpbx.model.calls.CallEndReason;
import io.vpbx.model.calls.CallResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Writes a call record for every call-ended event. A failure rolls the delivery back and the broker
 * redelivers it (with back-off, then to the dead-letter queue); writing is idempotent, so a
 * redelivery never makes a second record.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/VpbxCallRecords"),
            @ActivationConfigProperty(
                    propertyName = "destinationType",
                    propertyValue = "jakarta.jms.Queue")
        })
@PermitAll
public class CallRecordConsumer implements MessageListener {
    @Inject private CallRecording recording;

    @Override
    public void onMessage(Message message) {
        try {
            MapMessage m = (MapMessage) message;
            recording.record(
                    new CallEnded(
                            m.getLong("domainId"),
                            m.getString("callId"),
                            m.getString("calleeCallId"),
                            JmsCallJournal.party(m, "caller"),
                            JmsCallJournal.party(m, "callee"),
                            m.getString("dialled"),
                            JmsCallJournal.instant(m, "startedAt"),
                            JmsCallJournal.instant(m, "answeredAt"),
                            JmsCallJournal.instant(m, "endedAt"),
                            CallResult.valueOf(m.getString("result")),
                            m.getInt("sipStatus"),
                            m.getString("endReason") == null
                                    ? null
                                    : CallEndReason.valueOf(m.getString("endReason"))));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable call-ended event; redelivered", e);
        }
    }
}

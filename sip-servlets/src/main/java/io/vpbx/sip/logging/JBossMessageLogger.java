package io.vpbx.sip.logging;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.jboss.logging.Logger;

/**
 * Logs every SIP message sent or received, at DEBUG only: messages carry digest credentials and
 * personal numbers, which do not belong in an INFO log.
 */
public class JBossMessageLogger implements ServerLogger {
    private static final Logger LOG = Logger.getLogger("io.vpbx.sip.messages");

    @Override
    public void closeLogFile() {
        // Nothing to close: the server owns the log files.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, null, sender);
    }

    @Override
    public void logMessage(
            SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, status, sender);
    }

    @Override
    public void logMessage(
            SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, status, sender);
    }

    private static void log(
            SIPMessage message, String from, String to, String status, boolean sender) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf(
                    "%s %s -> %s%s%n%s",
                    sender ? "SENT" : "RECEIVED",
                    from,
                    to,
                    status == null ? "" : " (" + status + ")",
                    message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOG.warn("SIP message exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Nothing to configure.
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // Not needed.
    }
}

package io.vpbx.sip.logging;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * JAIN-SIP's stack logger on JBoss Logging; the stack's trace level follows the logger's level.
 * JAIN-SIP's "info" is per-message chatter (the source address of every packet), so it is logged at
 * DEBUG: a busy server's log at INFO shows only what an operator needs.
 */
public class JBossStackLogger implements StackLogger {
    private static final Logger LOG = Logger.getLogger("io.vpbx.sip.stack.jainsip");

    @Override
    public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable());
        }
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            LOG.debug("stack trace", new Throwable());
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.error("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.fatal(message);
    }

    @Override
    public void logError(String message) {
        if (isAboutABadMessage(message)) {
            // Whatever a client sends must not flood the log: malformed packets are DEBUG.
            LOG.debug(message);
        } else {
            LOG.error(message);
        }
    }

    private static boolean isAboutABadMessage(String message) {
        return message != null
                && (message.startsWith("bad message") || message.contains("Dropped Bad Msg"));
    }

    @Override
    public boolean isLoggingEnabled() {
        // The stack also guards warnings and errors with this, so it stays on at INFO.
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return switch (logLevel) {
            case TRACE_TRACE -> LOG.isTraceEnabled();
            case TRACE_DEBUG -> LOG.isDebugEnabled();
            case TRACE_INFO -> LOG.isDebugEnabled();
            case TRACE_NONE -> false;
            default -> true;
        };
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public void disableLogging() {
        // Levels are set in the server's logging subsystem, not by the stack.
    }

    @Override
    public void enableLogging() {
        // Levels are set in the server's logging subsystem, not by the stack.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debugf("JAIN-SIP build %s", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Nothing to configure: JBoss Logging is configured by the server.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}

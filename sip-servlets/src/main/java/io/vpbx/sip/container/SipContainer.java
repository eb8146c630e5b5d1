package io.vpbx.sip.container;

import java.util.Map;
import java.util.function.Predicate;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Receives every SIP request from the stack and hands it to the servlet for its method. A source
 * the core has banned gets no answer at all. Nothing a client sends may escape this listener: a
 * failure is logged (at DEBUG, with the Call-ID in the MDC) and the request dropped.
 */
public final class SipContainer implements SipListener {
    private static final Logger LOG = Logger.getLogger(SipContainer.class);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final Map<String, SipServlet> servlets;
    private final SipServlet fallback;
    private final Predicate<String> banned;
    private volatile ClientEvents clientEvents = ClientEvents.NONE;

    /** Where responses to our own requests and their timeouts go (the B2BUA's outgoing legs). */
    public interface ClientEvents {
        ClientEvents NONE =
                new ClientEvents() {
                    @Override
                    public void response(ResponseEvent event) {}

                    @Override
                    public void timeout(TimeoutEvent event) {}
                };

        void response(ResponseEvent event) throws Exception;

        void timeout(TimeoutEvent event) throws Exception;
    }

    /**
     * @param servlets the servlet for each method; other methods go to {@code fallback}
     * @param banned whether a source address is banned
     */
    public SipContainer(
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses,
            Map<String, SipServlet> servlets,
            SipServlet fallback,
            Predicate<String> banned) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.servlets = Map.copyOf(servlets);
        this.fallback = fallback;
        this.banned = banned;
    }

    @Override
    public void processRequest(RequestEvent event) {
        SipServletRequest request =
                new SipServletRequest(event, provider, messages, headers, addresses);
        MDC.put("callId", request.callId());
        try {
            if (banned.test(request.sourceAddress())) {
                LOG.debugf("Dropped %s from banned %s", request.method(), request.sourceAddress());
                return;
            }
            servlets.getOrDefault(request.method(), fallback).service(request);
        } catch (Exception | LinkageError e) {
            LOG.debugf(e, "Could not answer %s", request.method());
        } finally {
            MDC.remove("callId");
            MDC.remove("domainId");
        }
    }

    public void clientEvents(ClientEvents handler) {
        this.clientEvents = handler;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            clientEvents.response(event);
        } catch (Exception | LinkageError e) {
            LOG.debugf(e, "Could not handle a response");
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return; // server transactions time out on their own
        }
        try {
            clientEvents.timeout(event);
        } catch (Exception | LinkageError e) {
            LOG.debugf(e, "Could not handle a timeout");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debugf("SIP I/O error towards %s:%d", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // No per-transaction state.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // No dialogs yet.
    }
}

package io.vpbx.sip.stack;

import java.text.ParseException;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.logging.Logger;

/**
 * Receives every SIP request from the stack and answers it. OPTIONS, the keep-alive and capability
 * probe of RFC 3261 §11, gets a 200 with what we accept. Methods this server does not handle yet
 * get 405 with an Allow header (RFC 3261 §8.2.1), never silence; ACK has no response by definition.
 *
 * <p>Nothing a client sends may escape this listener: a failure to answer is logged and the request
 * dropped.
 */
final class StackRequestDispatcher implements SipListener {
    private static final Logger LOG = Logger.getLogger(StackRequestDispatcher.class);
    static final String ALLOWED_METHODS = Request.OPTIONS;

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;

    StackRequestDispatcher(SipProvider provider, MessageFactory messages, HeaderFactory headers) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            switch (request.getMethod()) {
                case Request.ACK -> {
                    // ACKs to our final responses need no answer.
                }
                case Request.OPTIONS -> respond(event, options(request));
                default -> {
                    Response notAllowed =
                            messages.createResponse(Response.METHOD_NOT_ALLOWED, request);
                    notAllowed.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
                    respond(event, notAllowed);
                }
            }
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debugf(e, "Could not answer %s", request.getMethod());
        }
    }

    private Response options(Request request) throws ParseException {
        Response ok = messages.createResponse(Response.OK, request);
        ok.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
        ok.addHeader(headers.createAcceptHeader("application", "sdp"));
        ok.addHeader(headers.createSupportedHeader("path"));
        return ok;
    }

    private void respond(RequestEvent event, Response response)
            throws SipException, InvalidArgumentException {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            transaction = provider.getNewServerTransaction(event.getRequest());
        }
        transaction.sendResponse(response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // The foundation sends no requests of its own.
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // Server transactions time out on their own.
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debugf("SIP I/O error towards %s:%d", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // No per-transaction state yet.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // No dialogs yet.
    }
}

package io.vpbx.sip.container;

import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A request as a servlet sees it: the parsed message, where it really came from (the packet's
 * source, which is what reaches a phone behind NAT, RFC 3581), and a way to answer it once.
 */
public final class SipServletRequest {
    private final RequestEvent event;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private ServerTransaction transaction;

    SipServletRequest(
            RequestEvent event,
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses) {
        this.event = event;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
    }

    public Request message() {
        return event.getRequest();
    }

    public String method() {
        return event.getRequest().getMethod();
    }

    public String callId() {
        var callId = event.getRequest().getHeader(javax.sip.header.CallIdHeader.NAME);
        return callId == null ? "" : ((javax.sip.header.CallIdHeader) callId).getCallId();
    }

    /** The address the packet came from (not what the Via or Contact claim). */
    public String sourceAddress() {
        return ((SIPRequest) event.getRequest()).getPeerPacketSourceAddress().getHostAddress();
    }

    public int sourcePort() {
        return ((SIPRequest) event.getRequest()).getPeerPacketSourcePort();
    }

    /** {@code UDP} or {@code TCP}, from the top Via. */
    public String transport() {
        ViaHeader via = (ViaHeader) event.getRequest().getHeader(ViaHeader.NAME);
        return via == null ? "UDP" : via.getTransport().toUpperCase(java.util.Locale.ROOT);
    }

    public HeaderFactory headers() {
        return headers;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    /** A response to this request, to fill in and {@link #send}. */
    public Response createResponse(int status) throws ParseException {
        return messages.createResponse(status, event.getRequest());
    }

    /** A response with our own reason phrase (e.g. why a REGISTER was refused). */
    public Response createResponse(int status, String reason) throws ParseException {
        Response response = messages.createResponse(status, event.getRequest());
        response.setReasonPhrase(reason);
        return response;
    }

    public void send(Response response) throws SipException, InvalidArgumentException {
        transaction().sendResponse(response);
    }

    /** The request's server transaction, created on first use (e.g. to answer an INVITE later). */
    public ServerTransaction transaction() throws SipException {
        if (transaction == null) {
            transaction = event.getServerTransaction();
        }
        if (transaction == null) {
            transaction = provider.getNewServerTransaction(event.getRequest());
        }
        return transaction;
    }

    /** The dialog the stack matched this request to, if any. */
    public javax.sip.Dialog dialog() {
        return event.getDialog();
    }
}

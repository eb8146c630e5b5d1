package io.vpbx.sip.call;

import io.vpbx.sip.container.SipServletRequest;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An INFO inside an answered call is passed to the other side in its dialog, with its body (DTMF
 * for the other phone, or anything else it carries); the other side's final answer, or 408 if none
 * comes, goes back to the sender the same way. A DTMF body is also handed to the media session,
 * which reports it as a digit of the call (SIP INFO as the fallback of RFC 4733). Everything here
 * runs under the call's monitor.
 */
final class InfoRelay {
    private final SipProvider provider;
    private final MessageFactory messages;

    InfoRelay(SipProvider provider, MessageFactory messages) {
        this.provider = provider;
        this.messages = messages;
    }

    /** Passes the INFO of one side to the other. */
    void relay(Call call, SipServletRequest request) throws Exception {
        Dialog other = Signalling.otherSideOrRefuse(call, request);
        if (other == null) {
            return;
        }
        Request info = request.message();
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        if (type != null && info.getRawContent() != null) {
            call.media.infoDtmf(
                    request.dialog() == call.callerDialog
                            ? call.callerEndpoint
                            : call.answered.endpoint,
                    type.getContentType() + "/" + type.getContentSubType(),
                    info.getRawContent());
        }
        Request outgoing = other.createRequest(info.getMethod());
        Signalling.copyBody(info, outgoing);
        ServerTransaction from = request.transaction();
        ClientTransaction to = provider.getNewClientTransaction(outgoing);
        call.relayed.put(to, new Call.Relayed(from, info, other));
        other.sendRequest(to);
    }

    /** The other side's response to a relayed request; a final one goes back to the sender. */
    void response(Call call, Call.Relayed relayed, ResponseEvent event) throws Exception {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        call.relayed.remove(event.getClientTransaction());
        Response answer = messages.createResponse(status, relayed.request());
        Signalling.copyBody(response, answer);
        relayed.from().sendResponse(answer);
    }

    /** The other side never answered a relayed request: the sender gets 408 instead of silence. */
    void timedOut(Call.Relayed relayed) throws Exception {
        relayed.from()
                .sendResponse(messages.createResponse(Response.REQUEST_TIMEOUT, relayed.request()));
    }
}

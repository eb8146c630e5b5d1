package io.vpbx.sip.call;

import io.vpbx.media.api.Codec;
import io.vpbx.sip.container.SipServletRequest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import javax.sip.Dialog;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The SIP messages the B2BUA itself originates on both sides of a call: our tags and Contact,
 * responses to the caller's INVITE, 183 early media, BYE and CANCEL (with RFC 3326's {@code Reason}
 * when the call was completed elsewhere), and which dialog an in-dialog request is passed to. It
 * holds no call state; every method that touches a {@link Call} runs under the call's monitor.
 */
final class Signalling {
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final CallServlet.Local local;
    private final SecureRandom random = new SecureRandom();

    Signalling(
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses,
            CallServlet.Local local) {
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.local = local;
    }

    /** A fresh tag for a From or To header of ours. */
    String tag() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Our Contact, where both sides send their in-dialog requests. */
    ContactHeader ourContact() throws ParseException {
        return headers.createContactHeader(
                addresses.createAddress(
                        addresses.createSipURI("vpbx", local.address() + ":" + local.port())));
    }

    ContentTypeHeader sdpType() throws ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    /** A response to the caller's INVITE with {@code status} and our To tag, to fill in. */
    Response toCaller(Call call, int status) throws ParseException {
        Response response = messages.createResponse(status, call.invite);
        ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(call.callerTag);
        return response;
    }

    /** 183 Session Progress with our answer: from now on the caller hears what we play. */
    void sendEarlyMedia(Call call) throws Exception {
        Response progress = toCaller(call, Response.SESSION_PROGRESS);
        progress.addHeader(ourContact());
        Codec settled = call.callerEndpoint.codec();
        progress.setContent(
                call.callerEndpoint.localAnswer(
                        settled != null ? settled : call.callerEndpoint.preferredCodec()),
                sdpType());
        call.callerTransaction.sendResponse(progress);
    }

    void bye(Dialog dialog) throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        dialog.sendRequest(provider.getNewClientTransaction(bye));
    }

    /**
     * Cancels every ringing leg but {@code except}: at once where a provisional came, otherwise on
     * the first provisional (RFC 3261 §9.1 forbids a CANCEL before one). When the call was answered
     * on another device or picked up, the CANCEL carries {@code Reason: SIP;cause=200;text="Call
     * completed elsewhere"} (RFC 3326), as Asterisk and FreeSWITCH send it, so that the phones do
     * not log a missed call.
     */
    void cancelLegs(Call call, Call.Leg except, boolean completedElsewhere) throws Exception {
        for (Call.Leg leg : call.legs) {
            if (leg != except && !leg.cancelled) {
                leg.cancelled = true;
                leg.completedElsewhere = completedElsewhere;
                if (leg.provisional && leg.finalStatus == 0) {
                    cancel(leg);
                }
            }
        }
    }

    void cancel(Call.Leg leg) throws Exception {
        Request cancel = leg.invite.createCancel();
        if (leg.completedElsewhere) {
            cancel.addHeader(headers.createReasonHeader("SIP", 200, "Call completed elsewhere"));
        }
        provider.getNewClientTransaction(cancel).sendRequest();
    }

    /** Copies the body (SDP, dialog-info, DTMF) with its type, if there is one. */
    static void copyBody(Message from, Message to) throws ParseException {
        if (from.getRawContent() != null) {
            to.setContent(
                    from.getRawContent(),
                    (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME));
        }
    }

    /**
     * For a request inside the answered call, the other side's dialog; otherwise answers {@code
     * 491} (not answered yet) or {@code 481} (not a dialog of this call) and returns null.
     */
    static Dialog otherSideOrRefuse(Call call, SipServletRequest request) throws Exception {
        if (call.state == Call.State.RINGING) {
            request.send(request.createResponse(Response.REQUEST_PENDING));
            return null;
        }
        Dialog other = otherSide(call, request);
        if (other == null) {
            request.send(request.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
        }
        return other;
    }

    /**
     * For a request inside the answered call, the dialog of the other side; null if the call is not
     * answered (any more) or the request belongs to neither of its dialogs (the stack matched it by
     * Call-ID and both tags, so a guessed Call-ID alone gets nowhere).
     */
    static Dialog otherSide(Call call, SipServletRequest request) {
        Dialog dialog = request.dialog();
        if (call.state != Call.State.ANSWERED || dialog == null) {
            return null;
        }
        if (dialog == call.callerDialog) {
            return call.answered.dialog;
        }
        if (dialog == call.answered.dialog) {
            return call.callerDialog;
        }
        return null;
    }
}

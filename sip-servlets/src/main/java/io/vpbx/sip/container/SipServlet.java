package io.vpbx.sip.container;

import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The base of our SIP servlets: one {@code doXxx} per request method, JSR 289 style. A method a
 * servlet does not override is answered with 405 and the methods the server allows (RFC 3261
 * §8.2.1). Servlets stay thin: they parse and answer; the core decides.
 */
public abstract class SipServlet {
    /** Every method some servlet of the server handles, for Allow headers. */
    public static final java.util.List<String> ALLOWED_METHODS =
            java.util.List.of(
                    Request.REGISTER,
                    Request.OPTIONS,
                    Request.INVITE,
                    Request.ACK,
                    Request.BYE,
                    Request.CANCEL,
                    Request.UPDATE,
                    Request.PRACK,
                    Request.INFO,
                    Request.SUBSCRIBE);

    public final void service(SipServletRequest request) throws Exception {
        switch (request.method()) {
            case Request.REGISTER -> doRegister(request);
            case Request.OPTIONS -> doOptions(request);
            case Request.INVITE -> doInvite(request);
            case Request.ACK -> doAck(request);
            case Request.BYE -> doBye(request);
            case Request.CANCEL -> doCancel(request);
            case Request.SUBSCRIBE -> doSubscribe(request);
            case Request.NOTIFY -> doNotify(request);
            case Request.INFO -> doInfo(request);
            case Request.UPDATE -> doUpdate(request);
            case Request.PRACK -> doPrack(request);
            default -> notAllowed(request);
        }
    }

    protected void doRegister(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doOptions(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doInvite(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doAck(SipServletRequest request) throws Exception {
        // An ACK is never answered.
    }

    protected void doBye(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doCancel(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doSubscribe(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doNotify(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doInfo(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doUpdate(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected void doPrack(SipServletRequest request) throws Exception {
        notAllowed(request);
    }

    protected static void notAllowed(SipServletRequest request) throws Exception {
        Response response = request.createResponse(Response.METHOD_NOT_ALLOWED);
        addAllow(request, response);
        request.send(response);
    }

    /** One Allow header per method the server handles. */
    protected static void addAllow(SipServletRequest request, Response response)
            throws java.text.ParseException {
        for (String method : ALLOWED_METHODS) {
            AllowHeader allow = request.headers().createAllowHeader(method);
            response.addHeader(allow);
        }
    }
}

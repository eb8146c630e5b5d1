package io.vpbx.sip.container;

import javax.sip.message.Response;

/**
 * OPTIONS, the keep-alive and capability probe of RFC 3261 §11: 200 with what we accept. Phones and
 * Kamailio's dispatcher send it to see whether the server is up.
 */
public final class OptionsServlet extends SipServlet {
    @Override
    protected void doOptions(SipServletRequest request) throws Exception {
        Response ok = request.createResponse(Response.OK);
        addAllow(request, ok);
        ok.addHeader(request.headers().createAcceptHeader("application", "sdp"));
        ok.addHeader(request.headers().createSupportedHeader("path"));
        request.send(ok);
    }
}

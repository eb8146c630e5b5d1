package io.vpbx.web.security;

import io.vpbx.application.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the client's address to the core for the action history and the login lock-out, and sets
 * the security headers every console page needs: no framing (clickjacking), no MIME sniffing, and
 * no Referer, because recovery and jump links carry tokens in their query string.
 */
@WebFilter(urlPatterns = "/*")
public class ClientAddressFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Inject private ClientAddress clientAddress;

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        clientAddress.set(request.getRemoteAddr());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}

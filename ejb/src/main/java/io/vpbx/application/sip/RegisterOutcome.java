package io.vpbx.application.sip;

import io.vpbx.model.sip.Bindings;
import java.util.List;

/**
 * The registrar's answer to an authenticated REGISTER.
 *
 * @param bindings when applied, every binding now in force, for the 200's Contact headers
 */
public record RegisterOutcome(Bindings.Outcome outcome, List<Binding> bindings, int deviceLimit) {
    public record Binding(String contactUri, long expiresInSeconds) {}
}

package io.vpbx.application.sip;

import java.util.List;

/**
 * Where a call from one of a domain's SIP numbers goes (calls between extensions of one domain).
 * Asked by the SIP layer after it authenticated the caller; the domain is the caller's.
 */
public interface CallRouting {
    /** The caller as the callee's phone shows them, and their channel limit. */
    Party caller(long domainId, long sipNumberId);

    /** The callee for a dialled extension or SIP login of the same domain. */
    Route route(long domainId, String dialled);

    /**
     * A party of a call.
     *
     * @param userId the employee the SIP number belongs to, null for a number without one
     */
    record Party(
            long sipNumberId,
            Long userId,
            String login,
            String extension,
            String displayName,
            int channelLimit) {}

    /** Where a registered device of the callee is reached (the source of its REGISTER). */
    record Device(String contactUri, String address, int port, String transport) {}

    /**
     * The routing decision.
     *
     * @param callee null when {@code outcome} is {@link Outcome#NOT_FOUND}
     * @param devices the callee's registered devices, empty when not registered
     * @param ringSeconds how long the devices ring before the caller hears "no answer"
     */
    record Route(Outcome outcome, Party callee, List<Device> devices, int ringSeconds) {}

    enum Outcome {
        /** Ring every device. */
        DEVICES,
        /** No such extension or SIP login in the domain (404). */
        NOT_FOUND,
        /** The callee's number is disabled or their account blocked (480). */
        UNAVAILABLE
    }
}

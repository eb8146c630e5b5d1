package io.vpbx.application.sip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a call from one of a domain's SIP numbers goes (calls between extensions of one domain).
 * Asked by the SIP layer after it authenticated the caller; the domain is the caller's.
 */
public interface CallRouting {
    /** The caller as the callee's phone shows them, and their channel limit. */
    Party caller(long domainId, long sipNumberId);

    /**
     * The callee for a dialled extension or SIP login of the same domain, or {@link Outcome#PICKUP}
     * for the domain's pickup code.
     */
    Route route(long domainId, String dialled);

    /**
     * As {@link #route(long, String)}, for a call from {@code caller}: a call group's extension
     * (spec C BR-C1, BR-C2) gives {@link Outcome#GROUP} or {@link Outcome#GROUP_UNAVAILABLE}, and a
     * caller who is a member of the group does not ring themselves. A group's extension is taken
     * before a SIP login that happens to be the same digits (extensions are the numbering plan).
     */
    Route route(long domainId, String dialled, Party caller);

    /**
     * Which of the calls ringing on this node the picker answers by dialling the pickup code (spec
     * B BR-27): one ringing on another member of the picker's pickup group, the one ringing
     * longest. Calls of other domains are never chosen (their numbers are not the domain's).
     *
     * @param ringing the calls whose callee's phones ring and that nobody has answered
     * @return the Call-ID of the call to pick up; empty when there is none
     */
    Optional<String> pickup(long domainId, long pickerSipNumberId, List<Ringing> ringing);

    /** A call ringing on a SIP number of the domain, since the moment its phones were invited. */
    record Ringing(String callId, long calleeSipNumberId, Instant ringingSince) {}

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

    /**
     * Where a registered device of the callee is reached (the source of its REGISTER).
     *
     * @param member for a call to a group, the member the device belongs to; null for a call to one
     *     user (the route's callee)
     */
    record Device(String contactUri, String address, int port, String transport, Party member) {
        public Device(String contactUri, String address, int port, String transport) {
            this(contactUri, address, port, transport, null);
        }
    }

    /** The call group a call is for (spec C §1.1). */
    record Group(long groupId, String name, String extension) {}

    /**
     * The routing decision.
     *
     * @param callee null when {@code outcome} is {@link Outcome#NOT_FOUND}
     * @param devices the callee's registered devices, empty when not registered
     * @param ringSeconds how long the devices ring before the caller hears "no answer"
     * @param greetingId the callee's pre-call greeting (an audio file of the domain, spec B
     *     BR-46/BR-58) the caller hears before the phones ring; null for none (and for a group: a
     *     member's greeting is theirs, not the group's)
     * @param group the call group dialled; null unless {@link Outcome#GROUP} or {@link
     *     Outcome#GROUP_UNAVAILABLE} (then {@code callee} is null: who takes the call is known when
     *     a member answers)
     */
    record Route(
            Outcome outcome,
            Party callee,
            List<Device> devices,
            int ringSeconds,
            Long greetingId,
            Group group) {
        public Route(
                Outcome outcome,
                Party callee,
                List<Device> devices,
                int ringSeconds,
                Long greetingId) {
            this(outcome, callee, devices, ringSeconds, greetingId, null);
        }
    }

    enum Outcome {
        /** Ring every device. */
        DEVICES,
        /** No such extension or SIP login in the domain (404). */
        NOT_FOUND,
        /** The callee's number is disabled or their account blocked (480). */
        UNAVAILABLE,
        /**
         * The callee is in an absence period today (seed 002): the caller hears «абонент
         * недоступен» and gets 480; no phone rings.
         */
        ABSENT,
        /** The domain's pickup code: answer a call ringing in the caller's pickup group. */
        PICKUP,
        /**
         * A call group's extension (spec C BR-C2): every device of {@code devices} rings at once,
         * each carrying the member it belongs to; the first member to answer takes the call.
         */
        GROUP,
        /**
         * A call group's extension that takes no call now: its algorithm is «не задан» and there is
         * no group voicemail yet (BR-C1), or no member can be rung (BR-F1). The caller hears
         * «абонент недоступен» and gets 480.
         */
        GROUP_UNAVAILABLE
    }
}

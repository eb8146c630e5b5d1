package io.vpbx.model.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whom a call to a call group's extension rings (spec C BR-C1, BR-C2, BR-F1). Pure: the caller
 * says, for each member in membership order, whether their number can take a call now.
 *
 * <ul>
 *   <li>{@link DistributionAlgorithm#NOT_SET}: the group takes no calls. Group voicemail (BR-F1)
 *       does not exist yet, so the call is {@link Outcome#NOT_SET}: the caller hears «абонент
 *       недоступен».
 *   <li>{@link DistributionAlgorithm#ALL_SIMULTANEOUS}: every member whose number is enabled, who
 *       is not absent today and who has a registered phone rings at once; priorities are ignored
 *       (BR-C2). A caller who is a member does not ring themselves. With nobody left the call is
 *       {@link Outcome#NOBODY_REACHABLE} (BR-F1: the group's numbers are unavailable).
 * </ul>
 *
 * <p>The group has no ring time of its own yet: the call rings as long as the longest ring time of
 * the members it rings (each member's SIP number says how long their phones ring), so no member
 * rings for a shorter time than a direct call to them would.
 */
public final class GroupRinging {
    private GroupRinging() {}

    /**
     * A member as a call sees them now.
     *
     * @param available the member's SIP number is enabled and their account active
     * @param absent the member is in an absence period today
     * @param registered at least one of the member's phones is registered
     * @param ringSeconds the ring time of the member's SIP number
     */
    public record Member(
            long userId, boolean available, boolean absent, boolean registered, int ringSeconds) {}

    public enum Outcome {
        /** Ring the members of {@link Decision#ring()} at once. */
        RING,
        /** The algorithm is «не задан»: nobody rings. */
        NOT_SET,
        /** No member can take the call (none registered, or all disabled or absent). */
        NOBODY_REACHABLE
    }

    /**
     * @param ring the members to ring, in membership order; empty unless {@link Outcome#RING}
     * @param ringSeconds how long they ring before the caller hears «нет ответа»; 0 unless RING
     */
    public record Decision(Outcome outcome, List<Member> ring, int ringSeconds) {
        public Decision {
            Objects.requireNonNull(outcome);
            ring = List.copyOf(ring);
        }
    }

    /**
     * The decision for one call.
     *
     * @param members every member of the group, in membership order
     * @param callerUserId the employee calling, null for a number without one (nobody is skipped)
     */
    public static Decision decide(
            DistributionAlgorithm algorithm, List<Member> members, Long callerUserId) {
        if (algorithm != DistributionAlgorithm.ALL_SIMULTANEOUS) {
            return new Decision(Outcome.NOT_SET, List.of(), 0);
        }
        List<Member> ring = new ArrayList<>();
        int ringSeconds = 0;
        for (Member member : members) {
            if (member.available()
                    && !member.absent()
                    && member.registered()
                    && (callerUserId == null || callerUserId != member.userId())) {
                ring.add(member);
                ringSeconds = Math.max(ringSeconds, member.ringSeconds());
            }
        }
        return ring.isEmpty()
                ? new Decision(Outcome.NOBODY_REACHABLE, List.of(), 0)
                : new Decision(Outcome.RING, ring, ringSeconds);
    }
}

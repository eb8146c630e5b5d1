package io.vpbx.model.calls;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which ringing call a member of a pickup group answers by dialling the domain's pickup code (spec
 * B BR-27): a call that rings on another member of the picker's own group, the one ringing longest.
 * A picker in no group picks up nothing; a call ringing on the picker themselves is never theirs to
 * pick. Pure: the caller passes only calls of the picker's own domain.
 */
public final class CallPickup {
    private CallPickup() {}

    /**
     * A call that rings (its callee's phones have been invited, nobody has answered yet).
     *
     * @param calleeUserId the employee it rings on, null for a SIP number without one
     * @param calleePickupGroupId that employee's pickup group, null for none
     * @param ringingSince when the callee's phones started ringing
     */
    public record Ringing(
            String callId, Long calleeUserId, Long calleePickupGroupId, Instant ringingSince) {
        public Ringing {
            Objects.requireNonNull(callId);
            Objects.requireNonNull(ringingSince);
        }
    }

    /**
     * The call to pick up, or empty when nothing rings in the picker's group.
     *
     * @param pickerUserId the employee who dialled the code (null: a number without one, which
     *     picks up nothing)
     * @param pickerGroupId their pickup group, null for none
     */
    public static Optional<String> choose(
            Long pickerUserId, Long pickerGroupId, List<Ringing> ringing) {
        if (pickerUserId == null || pickerGroupId == null) {
            return Optional.empty();
        }
        return ringing.stream()
                .filter(r -> pickerGroupId.equals(r.calleePickupGroupId()))
                .filter(r -> r.calleeUserId() != null && !pickerUserId.equals(r.calleeUserId()))
                .min(Comparator.comparing(Ringing::ringingSince).thenComparing(Ringing::callId))
                .map(Ringing::callId);
    }
}

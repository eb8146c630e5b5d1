package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call to a call group's extension while its members' phones ring (spec C BR-C2): which members
 * it rings, and the channel it holds of each. The core decided whom to ring ({@link
 * CallRouting.Outcome#GROUP}); this executes the one part that is this node's count, the channel
 * limits: a member whose channels are all in use is left out, like a busy callee.
 *
 * <p>Each member rung holds one of their channels while their phones ring, as a direct call to them
 * would. When a member answers they become the call's callee and keep theirs; the others get theirs
 * back at once. A member whose every phone has refused gets theirs back too. Touched only under the
 * call's monitor.
 */
final class GroupCall {
    final CallRouting.Group group;

    /** The members whose channel the call holds, by SIP number, in the route's order. */
    private final Map<Long, CallRouting.Party> held = new LinkedHashMap<>();

    /** Every member the call has rung, for the BLF of their lines. */
    private final List<CallRouting.Party> rung = new ArrayList<>();

    /** The devices to ring: those of the members whose channel was taken. */
    private final List<CallRouting.Device> devices = new ArrayList<>();

    private final Channels channels;

    private GroupCall(CallRouting.Group group, Channels channels) {
        this.group = group;
        this.channels = channels;
    }

    /**
     * Takes a channel of each member the route rings; the devices of a member with none free are
     * left out. When no device is left (every member's channels are in use), nothing is held.
     */
    static GroupCall start(CallRouting.Route route, Channels channels) {
        GroupCall call = new GroupCall(route.group(), channels);
        Map<Long, Boolean> taken = new LinkedHashMap<>();
        for (CallRouting.Device device : route.devices()) {
            CallRouting.Party member = device.member();
            boolean free =
                    taken.computeIfAbsent(
                            member.sipNumberId(),
                            id -> {
                                if (channels.acquire(member)) {
                                    call.held.put(id, member);
                                    call.rung.add(member);
                                    return true;
                                }
                                return false;
                            });
            if (free) {
                call.devices.add(device);
            }
        }
        return call;
    }

    List<CallRouting.Device> devices() {
        return devices;
    }

    /** Every member the call has rung (their lines' BLF state changes with the call). */
    List<CallRouting.Party> rung() {
        return rung;
    }

    boolean rings(long sipNumberId) {
        return held.containsKey(sipNumberId);
    }

    /**
     * The members who still have a phone ringing (a leg without a final answer, not cancelled), for
     * pickup.
     */
    List<CallRouting.Party> stillRinging(List<Call.Leg> legs) {
        List<CallRouting.Party> members = new ArrayList<>();
        for (CallRouting.Party member : held.values()) {
            if (legs.stream()
                    .anyMatch(l -> member.equals(l.member) && l.finalStatus == 0 && !l.cancelled)) {
                members.add(member);
            }
        }
        return members;
    }

    /** A member whose every phone has given a final refusal gets their channel back. */
    void refused(CallRouting.Party member, List<Call.Leg> legs) {
        if (member != null
                && held.containsKey(member.sipNumberId())
                && legs.stream()
                        .filter(l -> member.equals(l.member))
                        .allMatch(l -> l.finalStatus >= 300)) {
            held.remove(member.sipNumberId());
            channels.release(member);
        }
    }

    /**
     * The member answered: the call keeps their channel (as its callee's) and gives back the
     * others'.
     */
    void answeredBy(CallRouting.Party member) {
        for (CallRouting.Party other : held.values()) {
            if (other.sipNumberId() != member.sipNumberId()) {
                channels.release(other);
            }
        }
        held.clear();
    }

    /**
     * Nobody answered (or a colleague picked the call up): every member's channel is given back.
     */
    void releaseAll() {
        held.values().forEach(channels::release);
        held.clear();
    }
}

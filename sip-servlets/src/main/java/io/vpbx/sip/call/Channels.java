package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many calls each SIP number has on this node, against its channel limit: a call takes one of
 * the caller's channels when it starts and one of the callee's while their phones ring and while
 * they talk. Single node: on several nodes the count moves to the replicated call state (ADR 0005).
 */
final class Channels {
    private final Map<Long, AtomicInteger> used = new ConcurrentHashMap<>();

    /** Takes one of the party's channels; false if all are in use. */
    boolean acquire(CallRouting.Party party) {
        AtomicInteger count = of(party);
        while (true) {
            int now = count.get();
            if (now >= party.channelLimit()) {
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a channel the party's call took. */
    void release(CallRouting.Party party) {
        of(party).decrementAndGet();
    }

    AtomicInteger of(CallRouting.Party party) {
        return used.computeIfAbsent(party.sipNumberId(), id -> new AtomicInteger());
    }
}

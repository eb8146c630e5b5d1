package io.vpbx.model.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a REGISTER to the bindings of one SIP number, as RFC 3261 §10.3 steps 6–8 say: refresh or
 * add each contact, remove those with expiry zero (or all for {@code *}), refuse a request that
 * arrived out of order (same Call-ID, CSeq not higher), and refuse one that would leave more
 * devices registered than the number allows. A refused request changes nothing.
 */
public final class Bindings {
    /** How a REGISTER ended. */
    public enum Outcome {
        /** Applied; {@link Result#active()} lists the bindings now in force. */
        APPLIED,
        /** Same Call-ID with a CSeq not higher than the stored one (answered with 500). */
        OUT_OF_ORDER,
        /** More devices than the number's limit (answered with 403). */
        TOO_MANY_DEVICES
    }

    /**
     * @param added new bindings to persist
     * @param removed bindings to delete (including expired ones found on the way)
     * @param active every binding in force after the request, for the 200's Contact headers
     */
    public record Result(
            Outcome outcome,
            List<SipRegistration> added,
            List<SipRegistration> removed,
            List<SipRegistration> active) {
        static Result refused(Outcome outcome) {
            return new Result(outcome, List.of(), List.of(), List.of());
        }
    }

    private Bindings() {}

    public static Result apply(
            long domainId,
            long sipNumberId,
            int deviceLimit,
            List<SipRegistration> existing,
            RegisterAttempt attempt) {
        Map<String, SipRegistration> current = new LinkedHashMap<>();
        List<SipRegistration> removed = new ArrayList<>();
        for (SipRegistration r : existing) {
            if (r.isExpired(attempt.now())) {
                removed.add(r);
            } else {
                current.put(r.contactUri(), r);
            }
        }

        List<SipRegistration> touched =
                attempt.removeAll()
                        ? List.copyOf(current.values())
                        : attempt.contacts().stream()
                                .map(c -> current.get(c.uri()))
                                .filter(r -> r != null)
                                .toList();
        for (SipRegistration r : touched) {
            if (r.isNewerThan(attempt.callId(), attempt.cseq())) {
                return Result.refused(Outcome.OUT_OF_ORDER);
            }
        }

        Map<String, RegisterAttempt.Contact> wanted = new LinkedHashMap<>();
        for (RegisterAttempt.Contact c : attempt.contacts()) {
            wanted.put(c.uri(), c); // the last of duplicated contacts wins
        }
        long after = attempt.removeAll() ? 0 : current.size();
        for (RegisterAttempt.Contact c : wanted.values()) {
            boolean exists = current.containsKey(c.uri());
            if (c.removes() && exists) {
                after--;
            } else if (!c.removes() && !exists) {
                after++;
            }
        }
        if (after > deviceLimit && after > current.size()) {
            return Result.refused(Outcome.TOO_MANY_DEVICES);
        }

        List<SipRegistration> added = new ArrayList<>();
        if (attempt.removeAll()) {
            removed.addAll(current.values());
            current.clear();
        }
        for (RegisterAttempt.Contact c : wanted.values()) {
            SipRegistration binding = current.get(c.uri());
            if (c.removes()) {
                if (binding != null) {
                    removed.add(binding);
                    current.remove(c.uri());
                }
            } else if (binding != null) {
                binding.refresh(attempt.refresh(c.expires()));
            } else {
                SipRegistration fresh =
                        new SipRegistration(
                                domainId, sipNumberId, c.uri(), attempt.refresh(c.expires()));
                added.add(fresh);
                current.put(c.uri(), fresh);
            }
        }
        return new Result(Outcome.APPLIED, added, removed, List.copyOf(current.values()));
    }
}

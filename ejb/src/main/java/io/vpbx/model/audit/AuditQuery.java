package io.vpbx.model.audit;

import java.time.Instant;

/**
 * A filter over a history (spec A BR-60, spec F AH-5): a period, the actor's login or name, the
 * object's name, the object type and the action. Text filters match substrings, case-insensitively;
 * {@code null} means "any".
 *
 * <p>{@code upToId} freezes the selection at the newest entry that existed when the user first
 * looked, so that "loaded N of M" and an export cover the same rows however many entries arrive
 * meanwhile.
 */
public record AuditQuery(
        AuditScope scope,
        Instant from,
        Instant to,
        String actorText,
        String objectText,
        AuditObjectType objectType,
        AuditAction action,
        Long upToId) {

    public AuditQuery {
        if (scope == null) {
            throw new IllegalArgumentException("scope is required");
        }
        actorText = blankToNull(actorText);
        objectText = blankToNull(objectText);
        if (from != null && to != null && from.isAfter(to)) {
            Instant swap = from;
            from = to;
            to = swap;
        }
    }

    public static AuditQuery all(AuditScope scope) {
        return new AuditQuery(scope, null, null, null, null, null, null, null);
    }

    /** The same selection, frozen at the given newest entry. */
    public AuditQuery upTo(Long newestId) {
        return new AuditQuery(scope, from, to, actorText, objectText, objectType, action, newestId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.vpbx.model.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "before → after" part of an action-history entry, built field by field and stored as a JSON
 * array of {@code {"field", "before", "after"}} objects. Secrets are recorded as changed, never
 * with their values.
 */
public final class AuditChanges {
    /** What the history shows instead of a secret value. */
    public static final String MASK = "******";

    private final List<String[]> changes = new ArrayList<>();

    public static AuditChanges create() {
        return new AuditChanges();
    }

    /** A value set on a new object. Null values are skipped. */
    public AuditChanges set(String field, Object value) {
        if (value != null) {
            changes.add(new String[] {field, null, String.valueOf(value)});
        }
        return this;
    }

    /** A value changed on an existing object; recorded only if it really changed. */
    public AuditChanges changed(String field, Object before, Object after) {
        String b = before == null ? null : String.valueOf(before);
        String a = after == null ? null : String.valueOf(after);
        if (!Objects.equals(b, a)) {
            changes.add(new String[] {field, b, a});
        }
        return this;
    }

    /** A secret (a password) was set or changed; its value never enters the history. */
    public AuditChanges secretChanged(String field) {
        changes.add(new String[] {field, MASK, MASK});
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("[");
        for (String[] change : changes) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"field\":");
            quote(json, change[0]);
            json.append(",\"before\":");
            quote(json, change[1]);
            json.append(",\"after\":");
            quote(json, change[2]);
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static void quote(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

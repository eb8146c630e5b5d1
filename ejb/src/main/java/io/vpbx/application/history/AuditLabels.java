package io.vpbx.application.history;

import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.security.ActorKind;
import io.vpbx.model.shared.Languages;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * How the action history reads in a language: actions, object types, actor kinds, field names,
 * stored constants (statuses, roles) and the "before → after" lines. Shared by the console pages
 * and the xlsx export, so both say the same thing.
 */
public final class AuditLabels {
    private final ResourceBundle bundle;

    private AuditLabels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static AuditLabels of(Locale locale) {
        return new AuditLabels(
                ResourceBundle.getBundle(
                        "io.vpbx.application.history.AuditLabels",
                        Languages.supported(locale),
                        AuditLabels.class.getClassLoader(),
                        ResourceBundle.Control.getNoFallbackControl(
                                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String action(AuditAction action) {
        return label("action." + action.name(), action.name());
    }

    public String objectType(AuditObjectType type) {
        return label("object." + type.name(), type.name());
    }

    public String actorKind(ActorKind kind) {
        return label("actor." + kind.name(), kind.name());
    }

    public String column(String name) {
        return label("column." + name, name);
    }

    public String sheetName() {
        return label("sheet.name", "History");
    }

    /**
     * The change data as lines: {@code "Field: before → after"}, {@code "Field: value"} for a value
     * set on a new object, {@code "Field: before → —"} for one removed. Malformed data is shown as
     * it is, never dropped.
     */
    public List<String> changeLines(String changeJson) {
        List<String> lines = new ArrayList<>();
        if (changeJson == null || changeJson.isBlank()) {
            return lines;
        }
        try (JsonReader reader = Json.createReader(new StringReader(changeJson))) {
            List<String> parsed = new ArrayList<>();
            JsonArray changes = reader.readArray();
            for (JsonValue value : changes) {
                JsonObject change = value.asJsonObject();
                String name = change.getString("field", "?");
                String field = label("field." + name, name);
                String before = value(name, text(change.get("before")));
                String after = value(name, text(change.get("after")));
                if (AuditChanges.MASK.equals(before) && AuditChanges.MASK.equals(after)) {
                    parsed.add(field + ": " + AuditChanges.MASK);
                } else if (before == null) {
                    parsed.add(field + ": " + (after == null ? "—" : after));
                } else {
                    parsed.add(field + ": " + before + " → " + (after == null ? "—" : after));
                }
            }
            lines.addAll(parsed);
        } catch (RuntimeException malformed) {
            // Anything that is not exactly what AuditChanges writes is shown as it is, never
            // dropped.
            lines.add(changeJson);
        }
        return lines;
    }

    /**
     * A stored value as the reader's language says it: statuses, roles and the name of "No group"
     * are stored as constants ({@code BLOCKED}, {@code SUPERVISOR}, "Без группы") and translated
     * per field, so a user-entered value that happens to read the same is never touched.
     */
    private String value(String field, String raw) {
        return raw == null ? null : label("value." + field + "." + raw, raw);
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private String label(String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}

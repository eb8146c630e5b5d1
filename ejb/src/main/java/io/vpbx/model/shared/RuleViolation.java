package io.vpbx.model.shared;

import java.util.Arrays;
import java.util.Objects;

/**
 * A business rule said no. Carries a message key (resolved against the {@code messages_*} bundles
 * in the user's language), its arguments, and optionally the input field it is about, so a console
 * can show the error next to that field.
 *
 * <p>Declared an application exception with rollback in {@code ejb-jar.xml}, so a violation thrown
 * from a service method undoes everything the method did: nothing is ever half-saved.
 */
public class RuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public RuleViolation(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private RuleViolation(String field, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = Objects.requireNonNull(messageKey);
        this.field = field;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** A violation about one input field, e.g. {@code onField("login", "error.login.taken")}. */
    public static RuleViolation onField(String field, String messageKey, Object... arguments) {
        return new RuleViolation(field, messageKey, arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    /** The input field this violation is about, or {@code null} for the form as a whole. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public String toString() {
        return "RuleViolation["
                + messageKey
                + (field == null ? "" : " on " + field)
                + " "
                + Arrays.toString(arguments)
                + "]";
    }
}

package io.vpbx.model.shared;

/**
 * The object does not exist <em>for this caller</em>. Lookups scoped to a tenant throw this for
 * another tenant's ids as well, so tampering with an id in a URL or form learns nothing.
 */
public class NotFound extends RuleViolation {
    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super("error.notFound", what);
    }
}

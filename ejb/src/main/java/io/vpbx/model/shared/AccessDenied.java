package io.vpbx.model.shared;

/**
 * The caller may see the object but may not do this to it, e.g. a subgroup admin renaming a domain
 * outside the subgroups granted to them. Objects of another tenant are never "denied": they are not
 * found, so their existence does not leak.
 */
public class AccessDenied extends RuleViolation {
    private static final long serialVersionUID = 1L;

    public AccessDenied(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

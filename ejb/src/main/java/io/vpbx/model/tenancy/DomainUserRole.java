package io.vpbx.model.tenancy;

/**
 * What a domain user may do in the domain console: administer the domain, or only their own
 * section.
 */
public enum DomainUserRole {
    ADMIN,
    USER
}

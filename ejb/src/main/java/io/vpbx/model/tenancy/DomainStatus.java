package io.vpbx.model.tenancy;

/**
 * The service state of a domain. Only {@link #ACTIVE} domains take calls and logins; the two
 * blocked states differ in who lifts them: the operator, or a payment (spec A §2.13–2.14).
 */
public enum DomainStatus {
    ACTIVE,
    BLOCKED_BY_OPERATOR,
    BLOCKED_FOR_NON_PAYMENT;

    public boolean isBlocked() {
        return this != ACTIVE;
    }
}

package io.vpbx.model.tenancy;

/** Whether a console account may log in. A blocked account keeps its data but cannot log in. */
public enum AccountStatus {
    ACTIVE,
    BLOCKED
}

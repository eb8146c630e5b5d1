package io.vpbx.model.tenancy;

/**
 * The two kinds of pool admin (spec A §2.8). A supervisor may do everything in the pool, including
 * managing the other admins; a subgroup admin sees every domain of the pool but manages only the
 * domains of the subgroups granted to them. Fixed when the account is created.
 */
public enum PoolRole {
    SUPERVISOR,
    SUBGROUP_ADMIN
}

package io.vpbx.model.audit;

/** The kind of object an action was done to. */
public enum AuditObjectType {
    POOL,
    SUBGROUP,
    DOMAIN,
    POOL_ADMIN,
    DOMAIN_USER,
    OPERATOR,
    /** A source address of SIP traffic (its ban lifted by the operator). */
    SIP_SOURCE,
    /** A domain's greeting or music file. */
    AUDIO_FILE,
    /** A domain's pickup group («группа перехвата»). */
    PICKUP_GROUP,
    /** A domain's call group («группа обработки вызовов»). */
    CALL_GROUP
}

package io.vpbx.model.tenancy;

/**
 * «Ограничение исходящей связи» of a user (spec B §1.9, BR-49): which destinations their outgoing
 * calls may reach. Stored with the user; outbound routing enforces it by classifying the
 * destination.
 */
public enum OutgoingRestriction {
    /** «Без ограничений»: every destination of the tariff plan. */
    NONE,
    /** «Международных»: no international calls. */
    INTERNATIONAL,
    /** «Международных и междугородных»: no international or long-distance calls. */
    INTERNATIONAL_AND_LONG_DISTANCE,
    /** «Все, кроме внутренних»: no PSTN calls at all. */
    ALL_EXCEPT_INTERNAL
}

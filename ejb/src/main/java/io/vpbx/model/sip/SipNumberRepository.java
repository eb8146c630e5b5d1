package io.vpbx.model.sip;

import java.util.Optional;

/** SIP numbers; every lookup names the domain. */
public interface SipNumberRepository {
    Optional<SipNumber> findByLogin(long domainId, String login);

    Optional<SipNumber> findById(long domainId, long id);

    Optional<SipNumber> findByUser(long domainId, long userId);

    /** The numbers of several of the domain's users at once (a page of the user list). */
    java.util.List<SipNumber> listByUsers(long domainId, java.util.Collection<Long> userIds);

    /**
     * The number, locked until the transaction ends: concurrent REGISTERs of one number are applied
     * one after the other, so two devices cannot both take the last free place.
     */
    Optional<SipNumber> lockById(long domainId, long id);

    java.util.List<SipNumber> listInDomain(long domainId);

    SipNumber add(SipNumber number);

    /** Removes the number with its stored registrations (a deleted user's). */
    void remove(SipNumber number);
}

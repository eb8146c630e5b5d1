package io.vpbx.application.users;

/** The domain console's users, always in the caller's domain. */
public interface DomainUsersService {
    /**
     * Creates an employee with an extension and, automatically, their SIP number (seed 002).
     *
     * @return the new user's id
     */
    long createUser(NewDomainUser user);

    /** The SIP credentials of one of the domain's users, to set up their phone. */
    SipCredentials sipCredentials(long userId);

    /**
     * Every SIP number of the domain with its current registrations (device, source address, user
     * agent, expiry), ordered by extension.
     */
    java.util.List<RegistrationRow> registrations();

    /** Changes the SIP number's limits, whether it may register, and its digest challenge. */
    void changeSipNumber(long userId, SipNumberSettings settings);
}

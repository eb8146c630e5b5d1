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

    /** One page of the user list (spec B §7.1). */
    java.util.List<UserRow> listUsers(UserListQuery query);

    /**
     * One page of the user list as the tree of spec B BR-1: each pickup group's header (by name)
     * followed by its users, then the users in no group.
     */
    java.util.List<UserTreeRow> userTree(UserTreeQuery query);

    /** How many rows (headers and users) the whole tree has for the query's search and collapse. */
    long countTreeRows(UserTreeQuery query);

    /** How many users the list's search finds in all. */
    long countUsers(String search);

    /** The domain's user count. */
    long countAllUsers();

    /** The lowest extension from 100 up that nobody in the domain has (prefills the new user). */
    String nextFreeExtension();

    /** The main tab of the user page. */
    UserDetails userDetails(long userId);

    /**
     * Saves the user page's own fields, refused with {@code error.concurrentEdit} if someone else
     * saved the user since {@code changes.version()}.
     */
    void changeUser(long userId, UserChanges changes);

    /**
     * Gives the user's SIP number a new generated password, returned to be shown once; the number's
     * phones must register again with it.
     */
    String resetSipPassword(long userId);

    /**
     * E-mails the user their console login and their SIP credentials (the current SIP password) in
     * {@code locale}; refused with {@code error.user.credentialsNeedEmail} when they have no
     * e-mail.
     */
    void sendCredentials(long userId, java.util.Locale locale);

    /**
     * Deletes users with their SIP numbers: registrations are dropped at once, call records and
     * recordings stay until their retention. The caller cannot delete themself.
     *
     * @return how many were deleted
     */
    int deleteUsers(java.util.List<Long> userIds);
}

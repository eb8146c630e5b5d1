package io.vpbx.application.internal;

import io.vpbx.application.CallerContext;
import io.vpbx.application.users.DomainUsersService;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.RegistrationRow;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.application.users.UserChanges;
import io.vpbx.application.users.UserDetails;
import io.vpbx.application.users.UserListQuery;
import io.vpbx.application.users.UserRow;
import io.vpbx.application.users.UserTreeQuery;
import io.vpbx.application.users.UserTreeRow;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The domain's users; the domain is always the caller's, never a parameter. */
@Stateless
@RolesAllowed(Roles.DOMAIN_ADMIN)
public class DefaultDomainUsersService implements DomainUsersService {
    @Inject private CallerContext caller;
    @Inject private UserProvisioning provisioning;
    @Inject private UserListing listing;

    @Override
    public long createUser(NewDomainUser user) {
        ActorRef actor = caller.actor();
        return provisioning.create(myDomain(actor), user, actor);
    }

    @Override
    public SipCredentials sipCredentials(long userId) {
        return provisioning.credentials(myDomain(caller.actor()), userId);
    }

    @Override
    public List<RegistrationRow> registrations() {
        return provisioning.registrations(myDomain(caller.actor()));
    }

    @Override
    public void changeSipNumber(long userId, SipNumberSettings settings) {
        ActorRef actor = caller.actor();
        provisioning.changeSipNumber(myDomain(actor), userId, settings, actor);
    }

    @Override
    public List<UserRow> listUsers(UserListQuery query) {
        return listing.list(myDomain(caller.actor()), query);
    }

    @Override
    public List<UserTreeRow> userTree(UserTreeQuery query) {
        return listing.tree(myDomain(caller.actor()), query);
    }

    @Override
    public long countTreeRows(UserTreeQuery query) {
        return listing.treeRowCount(myDomain(caller.actor()), query);
    }

    @Override
    public long countUsers(String search) {
        return provisioning.count(
                myDomain(caller.actor()), new UserListQuery(search, null, true, 0, 1).search());
    }

    @Override
    public long countAllUsers() {
        return provisioning.countAll(myDomain(caller.actor()));
    }

    @Override
    public String nextFreeExtension() {
        return provisioning.nextFreeExtension(myDomain(caller.actor()));
    }

    @Override
    public UserDetails userDetails(long userId) {
        return provisioning.details(myDomain(caller.actor()), userId);
    }

    @Override
    public void changeUser(long userId, UserChanges changes) {
        ActorRef actor = caller.actor();
        provisioning.change(myDomain(actor), userId, changes, actor);
    }

    @Override
    public String resetSipPassword(long userId) {
        ActorRef actor = caller.actor();
        return provisioning.resetSipPassword(myDomain(actor), userId, actor);
    }

    @Override
    public void sendCredentials(long userId, java.util.Locale locale) {
        ActorRef actor = caller.actor();
        provisioning.mailCredentials(myDomain(actor), userId, null, locale, actor);
    }

    @Override
    public int deleteUsers(List<Long> userIds) {
        ActorRef actor = caller.actor();
        return provisioning.delete(myDomain(actor), userIds, actor);
    }

    private static long myDomain(ActorRef actor) {
        return actor.ownDomainId();
    }
}

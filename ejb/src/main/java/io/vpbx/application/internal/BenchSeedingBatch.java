package io.vpbx.application.internal;

import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.tenancy.DomainUserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** One transaction per batch of users, so a large seeding never hits the timeout. */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BenchSeedingBatch {
    @Inject private Provisioning provisioning;
    @Inject private UserProvisioning userProvisioning;
    @Inject private CallGroupProvisioning callGroups;
    @Inject private DomainUserRepository domainUsers;

    /** The bench domain's call groups: every user is in one, every tenth in a second. */
    static final int CALL_GROUPS = 50;

    public long domain(int users) {
        return provisioning.createDomain(
                new NewDomain(
                        BenchSeeding.DOMAIN,
                        "Bench",
                        "Bench",
                        null,
                        null,
                        null,
                        null,
                        null,
                        // Room for the admin, and for the users "bench users" imports afterwards.
                        Math.min(
                                users + 1 + Integer.getInteger("vpbx.bench.extraUsers", 0),
                                100_000),
                        10_000,
                        new NewAccount(
                                "admin",
                                "Bench admin",
                                "admin@" + BenchSeeding.DOMAIN,
                                "bench12345",
                                "bench12345"),
                        false,
                        Languages.RUSSIAN),
                ActorRef.SYSTEM);
    }

    public String unusableHash() {
        return userProvisioning.unusableHash();
    }

    /** Users {@code from} to {@code to - 1}; returns their sipp injection rows. */
    public List<String> users(long domainId, int from, int to, String hash, String password) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String extension = Integer.toString(10_000 + i);
            long id =
                    userProvisioning.create(
                            domainId,
                            new NewDomainUser(extension, "Bench " + i, "b" + extension, null),
                            ActorRef.SYSTEM,
                            hash);
            userProvisioning.changeSipNumber(
                    domainId,
                    id,
                    new SipNumberSettings(
                            SipNumber.DEFAULT_DEVICE_LIMIT,
                            SipNumber.DEFAULT_CHANNEL_LIMIT,
                            true,
                            true,
                            SipNumber.DEFAULT_RING_SECONDS),
                    ActorRef.SYSTEM);
            userProvisioning.changeSipPassword(domainId, id, password, ActorRef.SYSTEM);
            List<String> groups = new ArrayList<>(List.of("Bench group " + i % CALL_GROUPS));
            if (i % 10 == 0) {
                groups.add("Bench group " + (i + 1) % CALL_GROUPS);
            }
            callGroups.setGroups(
                    domainUsers.findInDomain(domainId, id).orElseThrow(),
                    callGroups.findOrCreate(domainId, groups, ActorRef.SYSTEM),
                    ActorRef.SYSTEM);
            SipCredentials sip = userProvisioning.credentials(domainId, id);
            rows.add(
                    sip.login()
                            + ";[authentication username="
                            + sip.login()
                            + " password="
                            + password
                            + "];"
                            + BenchSeeding.DOMAIN
                            + ";"
                            + extension);
        }
        return rows;
    }
}

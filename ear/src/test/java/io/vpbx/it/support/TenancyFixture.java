package io.vpbx.it.support;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.NewPool;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminForm;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.model.shared.Languages;
import java.util.Set;

/**
 * A small world built through the real use cases, as an operator and a supervisor would build it:
 * pool P with domains A (in subgroup G) and B (in "No group"), a supervisor and a subgroup admin
 * granted G; pool Q with domain C. Every domain has an admin {@code admin}. Names are unique per
 * fixture.
 */
public final class TenancyFixture {
    public static final String PASSWORD = "secret123";

    public final String token = Names.token();
    public final String poolP = "Pool P " + token;
    public final String poolQ = "Pool Q " + token;
    public final String supervisor = "sup-" + token;
    public final String supervisorEmail = "sup-" + token + "@mail.test";
    public final String subgroupAdmin = "sga-" + token;

    /**
     * Sorts after "Без группы", so "own subgroups first" and "alphabetical" give different orders.
     */
    public final String subgroupG = "Ярус " + token;

    public final String domainA = "a-" + token + ".test.vpbx";
    public final String domainB = "b-" + token + ".test.vpbx";
    public final String domainC = "c-" + token + ".test.vpbx";
    public final String adminAEmail = "admin-a-" + token + "@mail.test";

    public long poolPId;
    public long poolQId;
    public long domainAId;
    public long domainBId;
    public long domainCId;
    public long subgroupGId;
    public long subgroupAdminId;

    private final AuthenticationService authentication;

    private TenancyFixture(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    private static TenancyFixture shared;

    /**
     * The fixture of the current test class, built on first use. Each test deployment loads this
     * class afresh, so every test class gets its own world.
     */
    public static synchronized TenancyFixture shared(
            AuthenticationService authentication,
            PlatformService platform,
            PoolDomainsService poolDomains,
            PoolAdminsService poolAdmins)
            throws Exception {
        if (shared == null) {
            shared = create(authentication, platform, poolDomains, poolAdmins);
        }
        return shared;
    }

    public static TenancyFixture create(
            AuthenticationService authentication,
            PlatformService platform,
            PoolDomainsService poolDomains,
            PoolAdminsService poolAdmins)
            throws Exception {
        TenancyFixture f = new TenancyFixture(authentication);
        Identities.run(
                f.operator(),
                () -> {
                    f.poolPId =
                            platform.createPool(
                                    new NewPool(
                                            f.poolP,
                                            4,
                                            account(
                                                    f.supervisor,
                                                    "Супервизор " + f.token,
                                                    f.supervisorEmail),
                                            false,
                                            Languages.RUSSIAN));
                    f.poolQId =
                            platform.createPool(
                                    new NewPool(
                                            f.poolQ,
                                            4,
                                            account(
                                                    "supq-" + f.token,
                                                    "Supervisor Q",
                                                    "supq-" + f.token + "@mail.test"),
                                            false,
                                            Languages.RUSSIAN));
                    f.domainAId =
                            platform.createDomain(
                                    domain(f.domainA, f.poolPId, "1001", f.adminAEmail));
                    f.domainBId =
                            platform.createDomain(
                                    domain(
                                            f.domainB,
                                            f.poolPId,
                                            "1002",
                                            "admin-b-" + f.token + "@mail.test"));
                    f.domainCId =
                            platform.createDomain(
                                    domain(
                                            f.domainC,
                                            f.poolQId,
                                            "1001",
                                            "admin-c-" + f.token + "@mail.test"));
                });
        Identities.run(
                f.supervisorLogin(),
                () -> {
                    f.subgroupGId =
                            poolDomains.addDomainsToNewSubgroup(f.subgroupG, Set.of(f.domainAId));
                    f.subgroupAdminId =
                            poolAdmins.createAdmin(
                                    new PoolAdminForm(
                                            f.subgroupAdmin,
                                            "Администратор группы " + f.token,
                                            "sga-" + f.token + "@mail.test",
                                            null,
                                            PASSWORD,
                                            PASSWORD,
                                            false,
                                            false,
                                            Set.of(f.subgroupGId),
                                            false,
                                            Languages.RUSSIAN));
                });
        return f;
    }

    private static NewAccount account(String login, String name, String email) {
        return new NewAccount(login, name, email, PASSWORD, PASSWORD);
    }

    private static NewDomain domain(
            String name, long poolId, String routingNumber, String adminEmail) {
        return new NewDomain(
                name,
                "Display " + name,
                "Company " + name,
                poolId,
                null,
                routingNumber,
                null,
                null,
                50,
                10,
                new NewAccount("admin", "Admin of " + name, adminEmail, PASSWORD, PASSWORD),
                false,
                Languages.RUSSIAN);
    }

    public LoginResult operator() {
        DemoLogins demo = DemoLogins.read();
        return authentication.loginToPlatform(demo.operatorLogin(), demo.operatorPassword());
    }

    public LoginResult supervisorLogin() {
        return authentication.loginToPool(supervisor, PASSWORD);
    }

    public LoginResult subgroupAdminLogin() {
        return authentication.loginToPool(subgroupAdmin, PASSWORD);
    }

    public LoginResult adminOf(String domain) {
        return authentication.loginToDomain(domain, "admin", PASSWORD);
    }
}

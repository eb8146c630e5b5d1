package io.vpbx.application.internal;

import io.vpbx.application.PasswordHasher;
import io.vpbx.application.PlatformSettings;
import io.vpbx.application.groups.CallGroupSettings;
import io.vpbx.application.platform.NewAccount;
import io.vpbx.application.platform.NewDomain;
import io.vpbx.application.platform.NewPool;
import io.vpbx.application.users.NewDomainUser;
import io.vpbx.application.users.SipCredentials;
import io.vpbx.application.users.SipNumberSettings;
import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.audit.AuditChanges;
import io.vpbx.model.audit.AuditObjectType;
import io.vpbx.model.groups.CallGroup;
import io.vpbx.model.groups.DistributionAlgorithm;
import io.vpbx.model.security.ActorRef;
import io.vpbx.model.shared.EmailAddress;
import io.vpbx.model.shared.Languages;
import io.vpbx.model.shared.Login;
import io.vpbx.model.sip.SipNumber;
import io.vpbx.model.tenancy.DomainUserRepository;
import io.vpbx.model.tenancy.PlatformOperator;
import io.vpbx.model.tenancy.PlatformOperatorRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The first start on an empty database. It always creates the platform operator {@code operator}
 * with a generated password, since without one nobody could log in at all; when {@code
 * vpbx.demo=true} (the default of {@code bin/vpbx start}) it also creates a demo pool with its
 * supervisor and a demo domain with its admin and two employees with SIP numbers (extensions 101
 * and 102) in the call group «Отдел продаж» (extension 500), exactly as an operator would. The
 * logins and generated passwords go to {@code demo-credentials.properties} in the data directory
 * (owner-only), where the start script prints them from; the operator should change the password
 * after the first login. A second start finds the operator and leaves everything as it is.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class FirstStart {
    public static final String CREDENTIALS_FILE = "demo-credentials.properties";
    static final String DEMO_DOMAIN = "demo.vpbx.local";
    static final String DEMO_GROUP_EXTENSION = "500";

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());
    private static final String PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();

    @Inject private PlatformSettings settings;
    @Inject private PlatformOperatorRepository operators;
    @Inject private PasswordHasher hasher;
    @Inject private Provisioning provisioning;
    @Inject private UserProvisioning userProvisioning;
    @Inject private CallGroupProvisioning callGroupProvisioning;
    @Inject private DomainUserRepository users;
    @Inject private AuditTrail auditTrail;
    @Inject private Clock clock;

    @PostConstruct
    void installOnEmptyDatabase() {
        if (operators.count() > 0) {
            return;
        }
        String operatorPassword = password();

        PlatformOperator operator =
                operators.add(
                        new PlatformOperator(
                                new Login("operator"),
                                "Оператор платформы",
                                new EmailAddress("operator@vpbx.local"),
                                hasher.hash(operatorPassword),
                                clock.instant()));
        auditTrail.recordAs(
                ActorRef.SYSTEM,
                AuditObjectType.OPERATOR,
                "operator",
                AuditAction.ADD,
                null,
                null,
                AuditChanges.create()
                        .set("displayName", operator.displayName())
                        .secretChanged("password"));
        Properties credentials = new Properties();
        String base = settings.publicBaseUrl();
        credentials.setProperty("console.url", base + "/");
        credentials.setProperty("platform.url", base + "/platform/");
        credentials.setProperty("platform.login", "operator");
        credentials.setProperty("platform.password", operatorPassword);
        if (settings.demoDataEnabled()) {
            createDemoTenants(credentials);
        }
        write(credentials);
        LOG.info("First start: logins written to " + credentialsFile());
    }

    private void createDemoTenants(Properties credentials) {
        String supervisorPassword = password();
        String adminPassword = password();
        long poolId =
                provisioning.createPool(
                        new NewPool(
                                "Демо-пул",
                                4,
                                new NewAccount(
                                        "supervisor",
                                        "Супервизор пула",
                                        "supervisor@" + DEMO_DOMAIN,
                                        supervisorPassword,
                                        supervisorPassword),
                                false,
                                Languages.RUSSIAN),
                        ActorRef.SYSTEM);
        long domainId =
                provisioning.createDomain(
                        new NewDomain(
                                DEMO_DOMAIN,
                                "Демо-компания",
                                "ООО «Демо»",
                                poolId,
                                null,
                                "4455",
                                null,
                                "admin@" + DEMO_DOMAIN,
                                100,
                                20,
                                new NewAccount(
                                        "admin",
                                        "Администратор домена",
                                        "admin@" + DEMO_DOMAIN,
                                        adminPassword,
                                        adminPassword),
                                false,
                                Languages.RUSSIAN),
                        ActorRef.SYSTEM);

        String base = settings.publicBaseUrl();
        credentials.setProperty("group.url", base + "/group/");
        credentials.setProperty("group.login", "supervisor");
        credentials.setProperty("group.password", supervisorPassword);
        credentials.setProperty("domain.url", base + "/domain/");
        credentials.setProperty("domain.name", DEMO_DOMAIN);
        credentials.setProperty("domain.login", "admin");
        credentials.setProperty("domain.password", adminPassword);

        // Two employees with SIP numbers, so that two softphones can register and call at once.
        credentials.setProperty("sip.domain", DEMO_DOMAIN);
        List<Long> employees = new ArrayList<>();
        for (String[] demoUser :
                new String[][] {
                    {"101", "Иван Петров", "ivan"}, {"102", "Мария Соколова", "maria"}
                }) {
            long userId =
                    userProvisioning.create(
                            domainId,
                            new NewDomainUser(demoUser[0], demoUser[1], demoUser[2], null),
                            ActorRef.SYSTEM);
            // MD5-only: Debian's baresip 1.0, the softphone a newcomer tries first, stops at a
            // SHA-256 challenge instead of answering the MD5 one after it.
            userProvisioning.changeSipNumber(
                    domainId,
                    userId,
                    new SipNumberSettings(
                            SipNumber.DEFAULT_DEVICE_LIMIT,
                            SipNumber.DEFAULT_CHANNEL_LIMIT,
                            true,
                            true,
                            SipNumber.DEFAULT_RING_SECONDS),
                    ActorRef.SYSTEM);
            SipCredentials sip = userProvisioning.credentials(domainId, userId);
            credentials.setProperty("sip." + demoUser[0] + ".login", sip.login());
            credentials.setProperty("sip." + demoUser[0] + ".password", sip.password());
            employees.add(userId);
        }
        // A call group both employees are in: dialling 500 rings both phones at once.
        CallGroup sales =
                callGroupProvisioning.create(
                        domainId,
                        new CallGroupSettings(
                                "Отдел продаж",
                                DEMO_GROUP_EXTENSION,
                                DistributionAlgorithm.ALL_SIMULTANEOUS),
                        ActorRef.SYSTEM);
        for (long employee : employees) {
            callGroupProvisioning.setGroups(
                    users.findInDomain(domainId, employee).orElseThrow(),
                    List.of(sales),
                    ActorRef.SYSTEM);
        }
        credentials.setProperty("group.extension", DEMO_GROUP_EXTENSION);
    }

    private Path credentialsFile() {
        return settings.dataDirectory().resolve(CREDENTIALS_FILE);
    }

    private void write(Properties credentials) {
        Path file = credentialsFile();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                credentials.store(out, "vPBX logins generated on the first start (keep private)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A policy-compliant password: ten unambiguous lower-case letters and digits, at least one of
     * each.
     */
    private String password() {
        while (true) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                p.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
            }
            String candidate = p.toString();
            if (candidate.chars().anyMatch(Character::isDigit)
                    && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }
}

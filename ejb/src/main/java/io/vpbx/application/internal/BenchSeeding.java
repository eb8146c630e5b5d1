package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.model.tenancy.DomainRepository;
import io.vpbx.model.tenancy.SipDomainName;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Test data for {@code bin/vpbx bench sip} and {@code bench users}, and only for them: with {@code
 * -Dvpbx.bench.users=N} the first start also creates the domain {@code bench.vpbx.test} with N
 * employees whose SIP numbers all have the password {@code vpbx.bench.password} (MD5-only, for
 * sipp), and writes their logins as a sipp injection file {@code bench-users.csv} in the data
 * directory. Every user is in one of {@value BenchSeedingBatch#CALL_GROUPS} call groups, every
 * tenth in a second, so the user list shows groups as a real domain's does. {@code
 * -Dvpbx.bench.extraUsers=M} leaves room for M more users in the domain's limit (an import). The
 * domain's admin is {@code admin} with the password {@code bench12345}. Without the property it
 * does nothing.
 */
@Singleton
@Startup
@DependsOn("FirstStart")
@PermitAll
public class BenchSeeding {
    static final String DOMAIN = "bench.vpbx.test";
    private static final Logger LOG = Logger.getLogger(BenchSeeding.class.getName());
    private static final int BATCH = 500;

    @Inject private PlatformSettings settings;
    @Inject private DomainRepository domains;
    @EJB private BenchSeedingBatch batch;

    @Resource private TimerService timers;

    /**
     * Seeds right after the deployment, not during it: tens of thousands of users take longer than
     * WildFly waits for a deployment to start.
     */
    @PostConstruct
    void schedule() {
        if (Integer.getInteger("vpbx.bench.users", 0) > 0) {
            timers.createSingleActionTimer(1_000, new TimerConfig(null, false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        int users = Integer.getInteger("vpbx.bench.users", 0);
        if (users <= 0 || domains.findByName(new SipDomainName(DOMAIN)).isPresent()) {
            return;
        }
        String password = System.getProperty("vpbx.bench.password", "secret");
        long domainId = batch.domain(users);
        String hash = batch.unusableHash();
        List<String> rows = new ArrayList<>(List.of("SEQUENTIAL"));
        for (int from = 0; from < users; from += BATCH) {
            rows.addAll(batch.users(domainId, from, Math.min(users, from + BATCH), hash, password));
        }
        Path file = settings.dataDirectory().resolve("bench-users.csv");
        try {
            Files.write(file, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info(() -> "Bench domain " + DOMAIN + " with " + users + " users; logins in " + file);
    }
}

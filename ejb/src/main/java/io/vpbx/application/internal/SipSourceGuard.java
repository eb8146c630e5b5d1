package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.model.sip.SourceBans;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The node's SIP brute-force bans, in memory: the check runs before anything else for every
 * request, so it must not touch the database. Each node bans what it sees (Kamailio in front
 * spreads a source's traffic over the nodes by Call-ID, so a scanner meets every node's counter).
 */
@ApplicationScoped
public class SipSourceGuard {
    private static final Logger LOG = Logger.getLogger(SipSourceGuard.class.getName());

    @Inject private PlatformSettings settings;
    @Inject private Clock clock;

    private SourceBans bans;

    @PostConstruct
    void init() {
        bans = new SourceBans(settings.sipBanPolicy());
    }

    public boolean isBanned(String address) {
        return bans.isBanned(address, clock.instant());
    }

    public void failed(String address, String account) {
        bans.recordFailure(address, clock.instant())
                .ifPresent(
                        until ->
                                LOG.warning(
                                        () ->
                                                "SIP source "
                                                        + address
                                                        + " banned until "
                                                        + until
                                                        + " after repeated authentication"
                                                        + " failures (last as "
                                                        + account
                                                        + ")"));
    }

    public List<SourceBans.Ban> activeBans() {
        return bans.activeBans(clock.instant());
    }

    public void lift(String address) {
        bans.lift(address);
        LOG.info(() -> "SIP ban of " + address + " lifted");
    }

    /** Drops failure counts and bans that ended ({@link SipHousekeeping}, every 5 minutes). */
    void forgetOld() {
        bans.forgetOld(clock.instant());
    }
}

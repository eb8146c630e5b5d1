package io.vpbx.infrastructure.config;

import io.vpbx.application.PlatformSettings;
import io.vpbx.model.security.LoginThrottlePolicy;
import io.vpbx.model.sip.RegistrarPolicy;
import io.vpbx.model.sip.SourceBans;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Settings from system properties, which {@code wildfly-config/} sets on the server:
 *
 * <ul>
 *   <li>{@code vpbx.public.url}: the console's public base URL (default {@code
 *       http://localhost:8080});
 *   <li>{@code vpbx.login.max-failures}, {@code vpbx.login.window-minutes}, {@code
 *       vpbx.login.lock-minutes}: the login lock-out (5 / 15 / 15);
 *   <li>{@code vpbx.data.dir}: generated files (default {@code <server data dir>/vpbx});
 *   <li>{@code vpbx.recordings.dir}: call recordings (default {@code <vpbx.data.dir>/recordings});
 *   <li>{@code vpbx.timezone}: the zone consoles and exports show times in (default Europe/Moscow);
 *   <li>{@code vpbx.demo}: on an empty database, create a demo pool and domain besides the operator
 *       (default false);
 *   <li>{@code vpbx.sip.ban.max-failures}, {@code vpbx.sip.ban.window-seconds}, {@code
 *       vpbx.sip.ban.minutes}: SIP brute-force bans (10 / 60 / 15);
 *   <li>{@code vpbx.sip.min-expires}, {@code vpbx.sip.max-expires}, {@code
 *       vpbx.sip.default-expires}: registration expiry bounds in seconds (60 / 3600 / 3600).
 * </ul>
 */
@ApplicationScoped
public class SystemPropertySettings implements PlatformSettings {
    private static final Logger LOG = Logger.getLogger(SystemPropertySettings.class.getName());

    @Override
    public String publicBaseUrl() {
        String url = System.getProperty("vpbx.public.url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public LoginThrottlePolicy loginThrottlePolicy() {
        LoginThrottlePolicy d = LoginThrottlePolicy.DEFAULT;
        int maxFailures = intProperty("vpbx.login.max-failures", d.maxFailures());
        int window = intProperty("vpbx.login.window-minutes", (int) d.window().toMinutes());
        int lock = intProperty("vpbx.login.lock-minutes", (int) d.lockDuration().toMinutes());
        try {
            return new LoginThrottlePolicy(
                    maxFailures, Duration.ofMinutes(window), Duration.ofMinutes(lock));
        } catch (IllegalArgumentException invalid) {
            // A typo in the settings must not lock everybody out, nor switch the protection off.
            LOG.warning(
                    () ->
                            "Invalid vpbx.login.* settings (max-failures "
                                    + maxFailures
                                    + ", window "
                                    + window
                                    + " min, lock "
                                    + lock
                                    + " min); using the defaults");
            return d;
        }
    }

    @Override
    public SourceBans.Policy sipBanPolicy() {
        SourceBans.Policy d = SourceBans.Policy.DEFAULT;
        int failures = intProperty("vpbx.sip.ban.max-failures", d.maxFailures());
        int window = intProperty("vpbx.sip.ban.window-seconds", (int) d.window().toSeconds());
        int ban = intProperty("vpbx.sip.ban.minutes", (int) d.ban().toMinutes());
        try {
            return new SourceBans.Policy(
                    failures, Duration.ofSeconds(window), Duration.ofMinutes(ban));
        } catch (IllegalArgumentException invalid) {
            LOG.warning("Invalid vpbx.sip.ban.* settings; using the defaults");
            return d;
        }
    }

    @Override
    public RegistrarPolicy registrarPolicy() {
        RegistrarPolicy d = RegistrarPolicy.DEFAULT;
        int min = intProperty("vpbx.sip.min-expires", (int) d.minExpires().toSeconds());
        int max = intProperty("vpbx.sip.max-expires", (int) d.maxExpires().toSeconds());
        int dflt = intProperty("vpbx.sip.default-expires", (int) d.defaultExpires().toSeconds());
        try {
            return new RegistrarPolicy(
                    Duration.ofSeconds(min), Duration.ofSeconds(max), Duration.ofSeconds(dflt));
        } catch (IllegalArgumentException invalid) {
            LOG.warning("Invalid vpbx.sip.*-expires settings; using the defaults");
            return d;
        }
    }

    @Override
    public Path dataDirectory() {
        String configured = System.getProperty("vpbx.data.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", "."), "vpbx");
    }

    @Override
    public Path recordingsDirectory() {
        String configured = System.getProperty("vpbx.recordings.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return dataDirectory().resolve("recordings");
    }

    @Override
    public Path recordingSpoolDirectory() {
        return dataDirectory().resolve("spool").resolve("recordings");
    }

    @Override
    public ZoneId displayZone() {
        try {
            return ZoneId.of(System.getProperty("vpbx.timezone", "Europe/Moscow"));
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("Europe/Moscow");
        }
    }

    @Override
    public boolean demoDataEnabled() {
        return Boolean.parseBoolean(System.getProperty("vpbx.demo", "false"));
    }

    private static int intProperty(String name, int defaultValue) {
        try {
            return Integer.parseInt(
                    System.getProperty(name, Integer.toString(defaultValue)).strip());
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Setting " + name + " is not a number; using " + defaultValue);
            return defaultValue;
        }
    }
}

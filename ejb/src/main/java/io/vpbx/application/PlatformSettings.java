package io.vpbx.application;

import io.vpbx.model.security.LoginThrottlePolicy;
import io.vpbx.model.sip.RegistrarPolicy;
import io.vpbx.model.sip.SourceBans;
import java.nio.file.Path;
import java.time.ZoneId;

/** Installation settings the use cases need, read from the server's system properties. */
public interface PlatformSettings {
    /**
     * The console's public base URL, for links in e-mails, e.g. {@code https://pbx.example.net}.
     */
    String publicBaseUrl();

    LoginThrottlePolicy loginThrottlePolicy();

    /** Where generated files (exports) are kept. */
    Path dataDirectory();

    /**
     * Where call recordings are kept ({@code vpbx.recordings.dir}, default {@code <data
     * dir>/recordings}); shared storage when several nodes run.
     */
    Path recordingsDirectory();

    /**
     * Where the media engine writes recordings while calls last (local disk, {@code <data
     * dir>/spool/recordings}).
     */
    Path recordingSpoolDirectory();

    /**
     * Whether this server should create the demo operator, pool and domain on an empty database.
     */
    boolean demoDataEnabled();

    /** The time zone in which consoles and exports show times (default Europe/Moscow). */
    ZoneId displayZone();

    /** Brute-force protection of SIP authentication ({@code vpbx.sip.ban.*}). */
    SourceBans.Policy sipBanPolicy();

    /** The registrar's expiry bounds ({@code vpbx.sip.*-expires}). */
    RegistrarPolicy registrarPolicy();

    /**
     * The port phones register at, as the SIP stack binds it: {@code vpbx.sip.port} plus the
     * server's port offset.
     */
    default int sipPort() {
        return Integer.getInteger("vpbx.sip.port", 5060)
                + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    }
}

package io.vpbx.it.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

/**
 * The demo logins the server wrote on first start ({@code demo-credentials.properties}), the same
 * file a newcomer reads after {@code bin/vpbx start}. Tests start from these accounts like a person
 * would.
 */
public final class DemoLogins {
    private final Properties values = new Properties();

    private DemoLogins() {
        try (Reader in =
                Files.newBufferedReader(
                        ItSettings.dataDirectory().resolve("demo-credentials.properties"),
                        StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("demo credentials not found; did the server start?", e);
        }
    }

    public static DemoLogins read() {
        return new DemoLogins();
    }

    public String operatorLogin() {
        return values.getProperty("platform.login");
    }

    public String operatorPassword() {
        return values.getProperty("platform.password");
    }

    public String supervisorLogin() {
        return values.getProperty("group.login");
    }

    public String supervisorPassword() {
        return values.getProperty("group.password");
    }

    public String domainName() {
        return values.getProperty("domain.name");
    }

    public String domainAdminLogin() {
        return values.getProperty("domain.login");
    }

    public String domainAdminPassword() {
        return values.getProperty("domain.password");
    }

    /** The SIP number login of a demo extension (101 or 102). */
    public String sipLogin(String extension) {
        return values.getProperty("sip." + extension + ".login");
    }

    public String sipPassword(String extension) {
        return values.getProperty("sip." + extension + ".password");
    }
}

package io.vpbx.it.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wildfly-config/apply.sh} on a copy of the unpacked distribution: configuring twice leaves
 * {@code standalone-full.xml} byte for byte as configuring once did, it contains every piece vPBX
 * needs, and restore returns the distribution's configuration.
 */
class WildflyConfigurationIT {
    private static final Path DIST = Path.of("target/wildfly-dist/wildfly-39.0.1.Final");
    private static final Path DRIVER = Path.of("target/drivers/mariadb-java-client.jar");

    @Test
    void configureTwiceChangesNothingAndRestoreReturnsTheDistribution(@TempDir Path tmp)
            throws Exception {
        Path server = tmp.resolve("server");
        run("cp", "-a", DIST.toString(), server.toString());
        Path settings = tmp.resolve("settings.properties");
        Files.write(
                settings,
                List.of(
                        "vpbx.db.driver=h2",
                        "vpbx.db.url=jdbc:h2:file:" + tmp + "/db/vpbx;MODE=MySQL",
                        "vpbx.db.user=sa",
                        "vpbx.db.password=sa",
                        "vpbx.data.dir=" + tmp.resolve("data"),
                        "vpbx.public.url=http://localhost:8080",
                        "vpbx.demo=false",
                        "vpbx.timezone=Europe/Moscow",
                        "vpbx.login.max-failures=5",
                        "vpbx.login.window-minutes=15",
                        "vpbx.login.lock-minutes=15",
                        "vpbx.sip.port=5060",
                        "vpbx.rtp.port=20000",
                        "vpbx.rtp.port-count=10000",
                        "vpbx.media.timeout-seconds=60",
                        "vpbx.media.hold-timeout-seconds=3600",
                        "vpbx.smtp.host=localhost",
                        "vpbx.smtp.port=25",
                        "vpbx.mail.from=vPBX <noreply@vpbx.local>"));
        Path config = server.resolve("standalone/configuration/standalone-full.xml");
        String pristine = Files.readString(config);

        apply("configure", server, settings);
        String once = Files.readString(config);
        apply("configure", server, settings);
        String twice = Files.readString(config);

        assertThat(twice).isEqualTo(once);
        assertThat(once)
                .contains("jndi-name=\"java:jboss/datasources/VpbxDS\"")
                .contains("<driver name=\"mariadb\" module=\"org.mariadb.jdbc\">")
                .contains("<jms-queue name=\"VpbxNotifications\"")
                .contains("<jms-queue name=\"VpbxCallRecords\"")
                .contains("<mail-session name=\"vpbx\" jndi-name=\"java:jboss/mail/Vpbx\"")
                .contains("<security-domain name=\"vpbx\"")
                .contains(
                        "<application-security-domain name=\"vpbx\" security-domain=\"vpbx\" integrated-jaspi=\"false\"/>")
                .contains("<jdbc data-source=\"VpbxDS\"/>")
                .contains("<default-job-repository name=\"vpbx\"/>")
                .contains("<socket-binding name=\"vpbx-sip\" port=\"${vpbx.sip.port:5060}\"/>")
                .contains("<property name=\"vpbx.sip.port\" value=\"5060\"/>")
                .doesNotContainPattern("@vpbx\\.[a-z.-]+@");
        assertThat(server.resolve("modules/org/mariadb/jdbc/main/mariadb-java-client.jar"))
                .exists();

        apply("restore", server, settings);
        assertThat(withoutBlankLines(Files.readString(config)))
                .isEqualTo(withoutBlankLines(pristine));
        assertThat(server.resolve("modules/org/mariadb")).doesNotExist();
    }

    private static void apply(String action, Path server, Path settings) throws Exception {
        Path script = Path.of("..", "wildfly-config", "apply.sh").toAbsolutePath().normalize();
        if (action.equals("configure")) {
            run(
                    script.toString(),
                    action,
                    server.toString(),
                    settings.toString(),
                    DRIVER.toAbsolutePath().toString());
        } else {
            run(script.toString(), action, server.toString(), settings.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static String withoutBlankLines(String xml) {
        return xml.replaceAll("(?m)^\\s*\\n", "");
    }
}

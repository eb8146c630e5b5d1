package io.vpbx.it.support;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the integration tests deploy: always the real {@code vpbx.ear} the build produced,
 * so that what is tested is what ships. In-container tests add one library with the test classes
 * and their helpers.
 */
public final class Deployments {
    private Deployments() {}

    /** The EAR exactly as built, for tests that act from outside (browser, SIP, HTTP). */
    public static EnterpriseArchive vpbx() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ItSettings.earFile().toFile());
    }

    /**
     * The EAR plus the given test classes and this support package, for tests that run in the
     * server.
     */
    public static EnterpriseArchive vpbxWithTests(Class<?>... testClasses) {
        EnterpriseArchive ear = vpbx();
        JavaArchive tests =
                ShrinkWrap.create(JavaArchive.class, "vpbx-it.jar")
                        .addClasses(testClasses)
                        .addClasses(
                                ItSettings.class,
                                DemoLogins.class,
                                Names.class,
                                Identities.class,
                                Identities.ThrowingRunnable.class,
                                Mailbox.class,
                                Mailbox.Mail.class,
                                Baresip.class,
                                Baresip.Audio.class,
                                DtmfRecorder.class,
                                Tones.class,
                                Tones.Pcm.class,
                                Employees.class,
                                Ports.class,
                                Recordings.class,
                                Recordings.Made.class,
                                Sipp.class,
                                Sipp.Result.class,
                                Sipp.Run.class,
                                Sipp.Running.class,
                                SipCallFixture.class,
                                SipCallFixture.Call.class,
                                SipCallFixture.Column.class,
                                SipRegisterClient.class,
                                SipRegisterClient.Exchange.class,
                                TenancyFixture.class);
        // An empty beans.xml: annotated discovery, so that support beans (DtmfRecorder) observe.
        tests.addAsManifestResource(
                org.jboss.shrinkwrap.api.asset.EmptyAsset.INSTANCE, "beans.xml");
        ear.addAsLibrary(tests);
        ear.addAsLibrary(jarOf(Assertions.class));
        ear.addAsLibrary(jarOf(Awaitility.class));
        ear.addAsLibrary(jarOf(org.hamcrest.Matcher.class));
        ear.addAsManifestResource(
                new StringAsset(
                        "<jboss-deployment-structure><deployment><dependencies>"
                                + "<module name=\"org.wildfly.security.elytron\"/>"
                                + "</dependencies></deployment></jboss-deployment-structure>"),
                "jboss-deployment-structure.xml");
        return ear;
    }

    /**
     * The EAR with the test support library, and {@link RecordingFixtureServlet} added to the
     * console's WAR (at {@code /it-fixture/recorded-call}), for browser tests that need a recorded
     * call. Only this test deployment has it; the shipped WAR does not.
     */
    public static EnterpriseArchive vpbxWithRecordingFixture() {
        EnterpriseArchive ear = vpbxWithTests();
        WebArchive web = ear.getAsType(WebArchive.class, "vpbx-web.war");
        web.addClass(RecordingFixtureServlet.class);
        ear.delete("vpbx-web.war");
        ear.addAsModule(web);
        return ear;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

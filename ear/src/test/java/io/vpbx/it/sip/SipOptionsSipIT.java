package io.vpbx.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Sipp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SIP stack of the deployed EAR answers OPTIONS with 200 on UDP and TCP, to a real peer (sipp).
 */
@ExtendWith(ArquillianExtension.class)
class SipOptionsSipIT {
    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.vpbx();
    }

    @Test
    void optionsOverUdpGets200() throws Exception {
        Sipp.Result result = Sipp.run("options.xml", "u1", 3);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void optionsOverTcpGets200() throws Exception {
        Sipp.Result result = Sipp.run("options.xml", "t1", 3);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}

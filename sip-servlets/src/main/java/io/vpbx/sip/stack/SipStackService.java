package io.vpbx.sip.stack;

import io.vpbx.application.sip.CallJournal;
import io.vpbx.application.sip.CallRouting;
import io.vpbx.application.sip.SipRegistrar;
import io.vpbx.media.api.MediaEngine;
import io.vpbx.media.api.MediaSettings;
import io.vpbx.media.api.MediaStatistics;
import io.vpbx.sip.call.BlfServlet;
import io.vpbx.sip.call.CallMediaHooks;
import io.vpbx.sip.call.CallServlet;
import io.vpbx.sip.container.OptionsServlet;
import io.vpbx.sip.container.SipContainer;
import io.vpbx.sip.logging.JBossMessageLogger;
import io.vpbx.sip.logging.JBossStackLogger;
import io.vpbx.sip.registrar.DigestAuthenticator;
import io.vpbx.sip.registrar.DigestGate;
import io.vpbx.sip.registrar.RegistrarServlet;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.jboss.logging.Logger;

/**
 * Owns the JAIN-SIP stack for the lifetime of the deployment: creates it on the configured address
 * and port (UDP and TCP), attaches the request dispatcher, and stops it on undeploy so that a
 * redeploy can bind the same port again. The stack's own threads deliver events; this bean only
 * starts and stops.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SipStackService {
    private static final Logger LOG = Logger.getLogger(SipStackService.class);

    /**
     * Larger messages are refused by the stack's parser. The stack gives every datagram waiting in
     * its queue a buffer of this size, so it bounds the memory a burst can take: 16 KiB is four
     * times the largest INVITE a phone sends (a big SDP), and far above what fits a UDP datagram
     * without fragmentation.
     */
    static final int MAX_MESSAGE_SIZE = 16_384;

    /**
     * Under overload, a datagram that waited longer than this in the stack's queue is dropped (its
     * sender retransmits), instead of the queue growing without bound.
     */
    static final int CONGESTION_TIMEOUT_MS = 2_000;

    @Inject private SipRegistrar registrar;
    @Inject private CallRouting routing;
    @Inject private CallJournal journal;

    @Resource private ManagedScheduledExecutorService timers;
    @Inject private Clock clock;
    @Inject private CallMediaHooks mediaHooks;

    private final DigestAuthenticator digest = new DigestAuthenticator();
    private SipStack stack;
    private SipProvider provider;
    private SipTransportSettings transport;
    private MediaEngine media;

    @PostConstruct
    void start() {
        transport = SipTransportSettings.fromServer();
        try {
            media = MediaEngine.start(mediaSettings(transport));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot start the media engine", e);
        }
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            stack = factory.createSipStack(stackProperties());
            ListeningPoint udp =
                    stack.createListeningPoint(
                            transport.address(), transport.port(), ListeningPoint.UDP);
            ListeningPoint tcp =
                    stack.createListeningPoint(
                            transport.address(), transport.port(), ListeningPoint.TCP);
            provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            MessageFactory messages = factory.createMessageFactory();
            HeaderFactory headers = factory.createHeaderFactory();
            AddressFactory addresses = factory.createAddressFactory();
            DigestGate gate = new DigestGate(registrar, digest, clock);
            CallServlet calls =
                    new CallServlet(
                            routing,
                            journal,
                            gate,
                            provider,
                            messages,
                            headers,
                            addresses,
                            new CallServlet.Local(transport.advertised(), transport.port()),
                            timers,
                            clock,
                            media,
                            mediaHooks);
            BlfServlet blf =
                    new BlfServlet(
                            gate,
                            routing,
                            registrar.policy(),
                            calls,
                            provider,
                            headers,
                            addresses,
                            new CallServlet.Local(transport.advertised(), transport.port()),
                            timers,
                            clock);
            calls.watchLines(blf);
            SipContainer container =
                    new SipContainer(
                            provider,
                            messages,
                            headers,
                            addresses,
                            Map.of(
                                    Request.REGISTER,
                                    new RegistrarServlet(registrar, gate, clock),
                                    Request.OPTIONS,
                                    new OptionsServlet(),
                                    Request.INVITE,
                                    calls,
                                    Request.ACK,
                                    calls,
                                    Request.BYE,
                                    calls,
                                    Request.CANCEL,
                                    calls,
                                    Request.UPDATE,
                                    calls,
                                    Request.PRACK,
                                    calls,
                                    Request.INFO,
                                    calls,
                                    Request.SUBSCRIBE,
                                    blf),
                            new OptionsServlet(),
                            registrar::isBanned);
            container.clientEvents(calls);
            provider.addSipListener(container);
            stack.start();
            LOG.infof("SIP listening on %s:%d (UDP, TCP)", transport.address(), transport.port());
        } catch (PeerUnavailableException
                | TransportNotSupportedException
                | InvalidArgumentException
                | ObjectInUseException
                | TooManyListenersException e) {
            stop();
            throw new IllegalStateException(
                    "Cannot start SIP on " + transport.address() + ":" + transport.port(), e);
        } catch (javax.sip.SipException e) {
            stop();
            throw new IllegalStateException("Cannot start the SIP stack", e);
        }
    }

    /**
     * The RTP range follows the port offset like SIP does, so that a test server never takes the
     * ports of a running one.
     */
    private static MediaSettings mediaSettings(SipTransportSettings transport) {
        int offset = Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return new MediaSettings(
                transport.address(),
                transport.advertised(),
                Integer.getInteger("vpbx.rtp.port", 20000) + offset,
                Integer.getInteger("vpbx.rtp.port-count", 10000),
                java.time.Duration.ofSeconds(Integer.getInteger("vpbx.media.timeout-seconds", 60)),
                java.time.Duration.ofSeconds(
                        Integer.getInteger("vpbx.media.hold-timeout-seconds", 3600)),
                Integer.getInteger(
                        "vpbx.media.threads", Runtime.getRuntime().availableProcessors()));
    }

    /** The media engine, for statistics. */
    public MediaStatistics mediaStatistics() {
        return media.statistics();
    }

    private static Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "vpbx");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JBossStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JBossMessageLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE_SIZE));
        p.setProperty(
                "gov.nist.javax.sip.THREAD_POOL_SIZE", System.getProperty("vpbx.sip.threads", "8"));
        // The default timer is one java.util.Timer whose queue every transaction locks.
        p.setProperty(
                "gov.nist.javax.sip.TIMER_CLASS_NAME",
                "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        p.setProperty(
                "gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT",
                Integer.toString(CONGESTION_TIMEOUT_MS));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        return p;
    }

    /** Forgets the nonce counts of nonces that can no longer be used. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    void forgetExpiredNonces() {
        digest.forgetExpired(clock.instant());
    }

    @PreDestroy
    void stop() {
        if (stack != null) {
            stack.stop();
            stack = null;
            provider = null;
            LOG.info("SIP stopped");
        }
        if (media != null) {
            media.close();
            media = null;
        }
    }
}

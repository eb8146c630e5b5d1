package io.vpbx.it.support;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.HeaderExt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP UAC on JAIN-SIP for what sipp cannot do: answer the SHA-256 challenge (RFC 8760). Each
 * client runs its own stack (a unique {@code STACK_NAME}, one UDP listening point on a free port of
 * the given local address), sends every REGISTER in a client transaction to the server's SIP port
 * (the stack's outbound proxy, so the domain needs no DNS), with one Call-ID and an increasing
 * CSeq, and waits up to five seconds for the final response. The digest (RFC 7616 §3.4.1, qop=auth)
 * is computed here, so the test chooses the algorithm, and sent in an Authorization header built by
 * JAIN-SIP.
 *
 * <p>In the container this stack shares the JAIN-SIP classes (the EAR's {@code lib/}) with the
 * server's. JAIN-SIP keeps the stack logger in a static field that every new stack overwrites, and
 * its default logger needs log4j, so this stack names the server's own loggers. The client is its
 * own {@link SipListener}: a nested listener class would be one more class for {@link Deployments}
 * to ship.
 */
public final class SipRegisterClient implements SipListener, AutoCloseable {
    private static final long FINAL_RESPONSE_TIMEOUT_SECONDS = 5;
    private static final String USER_AGENT = "vpbx-it-sha256";
    private static final String SERVER_STACK_LOGGER = "io.vpbx.sip.logging.JBossStackLogger";
    private static final String SERVER_MESSAGE_LOGGER = "io.vpbx.sip.logging.JBossMessageLogger";
    private static final int NONCE_COUNT = 1;

    private final String domain;
    private final String login;
    private final String callId = UUID.randomUUID() + "@test";
    private final String fromTag = Long.toHexString(System.nanoTime());
    private final Map<ClientTransaction, CompletableFuture<Response>> pending =
            new ConcurrentHashMap<>();
    private final SipStack stack;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final ListeningPoint listeningPoint;
    private final SipProvider provider;
    private long cseq;

    /**
     * What one request got back: status 0 and no text if no final response came in time.
     *
     * @param challenges the WWW-Authenticate header values in order, without the {@code Digest}
     *     scheme
     * @param response the whole response as text
     */
    public record Exchange(int status, List<String> challenges, String response) {
        public Exchange {
            challenges = List.copyOf(challenges);
        }
    }

    public SipRegisterClient(String localIp, String domain, String login) throws IOException {
        this.domain = domain;
        this.login = login;
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            stack = factory.createSipStack(stackProperties());
            messages = factory.createMessageFactory();
            headers = factory.createHeaderFactory();
            addresses = factory.createAddressFactory();
        } catch (PeerUnavailableException e) {
            throw new IOException("Cannot create a SIP stack", e);
        }
        try {
            listeningPoint = listenOnFreePort(stack, InetAddress.getByName(localIp));
            provider = stack.createSipProvider(listeningPoint);
            provider.addSipListener(this);
            stack.start();
        } catch (IOException | RuntimeException e) {
            stack.stop();
            throw e;
        } catch (SipException | TooManyListenersException e) {
            stack.stop();
            throw new IOException("Cannot start the SIP stack on " + localIp, e);
        }
    }

    private static Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "vpbx-it-uac-" + UUID.randomUUID());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty(
                "javax.sip.OUTBOUND_PROXY",
                "127.0.0.1:" + ItSettings.sipPort() + "/" + ListeningPoint.UDP);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SERVER_STACK_LOGGER);
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SERVER_MESSAGE_LOGGER);
        return p;
    }

    /**
     * JAIN-SIP does not report the port it bound for port 0, so probe a free one and take it, again
     * if someone else took it in between.
     */
    private static ListeningPoint listenOnFreePort(SipStack stack, InetAddress address)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
                port = probe.getLocalPort();
            }
            try {
                return stack.createListeningPoint(
                        address.getHostAddress(), port, ListeningPoint.UDP);
            } catch (InvalidArgumentException taken) {
                if (attempt == 10) {
                    throw new IOException("No free UDP port on " + address, taken);
                }
            } catch (TransportNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public int localPort() {
        return listeningPoint.getPort();
    }

    /** REGISTER without credentials. */
    public Exchange register(int expires) throws IOException {
        return send(expires, null);
    }

    /**
     * REGISTER answering a challenge (a value of {@link Exchange#challenges()}) with the given
     * algorithm ({@code MD5} or {@code SHA-256}).
     */
    public Exchange register(int expires, String challenge, String algorithm, String password)
            throws IOException {
        try {
            WWWAuthenticateHeader offered =
                    (WWWAuthenticateHeader)
                            headers.createHeader(WWWAuthenticateHeader.NAME, "Digest " + challenge);
            String realm = offered.getRealm();
            String nonce = offered.getNonce();
            if (realm == null || nonce == null) {
                throw new IllegalArgumentException("no realm or nonce in " + challenge);
            }
            String uri = registrar().toString();
            String nc = String.format("%08x", NONCE_COUNT);
            String cnonce = UUID.randomUUID().toString().replace("-", "");
            String ha1 = hash(algorithm, login + ":" + realm + ":" + password);
            String ha2 = hash(algorithm, Request.REGISTER + ":" + uri);
            String response =
                    hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);

            AuthorizationHeader authorization = headers.createAuthorizationHeader("Digest");
            authorization.setUsername(login);
            authorization.setRealm(realm);
            authorization.setNonce(nonce);
            authorization.setURI(addresses.createURI(uri));
            authorization.setResponse(response);
            authorization.setAlgorithm(algorithm);
            authorization.setQop("auth");
            authorization.setNonceCount(NONCE_COUNT);
            authorization.setCNonce(cnonce);
            if (offered.getOpaque() != null) {
                authorization.setOpaque(offered.getOpaque());
            }
            return send(expires, authorization);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Cannot answer " + challenge, e);
        }
    }

    private SipURI registrar() throws ParseException {
        return addresses.createSipURI(null, domain);
    }

    private Exchange send(int expires, AuthorizationHeader authorization) throws IOException {
        ClientTransaction transaction;
        try {
            Address aor = addresses.createAddress(addresses.createSipURI(login, domain));
            ViaHeader via =
                    headers.createViaHeader(
                            listeningPoint.getIPAddress(),
                            listeningPoint.getPort(),
                            ListeningPoint.UDP,
                            null);
            via.setRPort();
            Request request =
                    messages.createRequest(
                            registrar(),
                            Request.REGISTER,
                            headers.createCallIdHeader(callId),
                            headers.createCSeqHeader(++cseq, Request.REGISTER),
                            headers.createFromHeader(aor, fromTag),
                            headers.createToHeader(aor, null),
                            List.of(via),
                            headers.createMaxForwardsHeader(70));
            SipURI contact = addresses.createSipURI(login, listeningPoint.getIPAddress());
            contact.setPort(listeningPoint.getPort());
            request.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            request.addHeader(headers.createExpiresHeader(expires));
            request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
            if (authorization != null) {
                request.addHeader(authorization);
            }
            transaction = provider.getNewClientTransaction(request);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new IllegalStateException("Cannot make a REGISTER", e);
        }

        CompletableFuture<Response> answer = new CompletableFuture<>();
        pending.put(transaction, answer);
        try {
            transaction.sendRequest();
            Response response = answer.get(FINAL_RESPONSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return response == null ? new Exchange(0, List.of(), "") : exchange(response);
        } catch (TimeoutException e) {
            terminate(transaction);
            return new Exchange(0, List.of(), "");
        } catch (SipException e) {
            throw new IOException("Cannot send REGISTER", e);
        } catch (ExecutionException e) {
            throw new IOException("REGISTER failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the REGISTER's response");
        } finally {
            pending.remove(transaction);
        }
    }

    private static Exchange exchange(Response response) {
        List<String> challenges = new ArrayList<>();
        ListIterator<?> found = response.getHeaders(WWWAuthenticateHeader.NAME);
        while (found != null && found.hasNext()) {
            String value = ((HeaderExt) found.next()).getValue().trim();
            challenges.add(
                    value.regionMatches(true, 0, "Digest ", 0, 7)
                            ? value.substring(7).trim()
                            : value);
        }
        return new Exchange(response.getStatusCode(), challenges, response.toString());
    }

    private static void terminate(ClientTransaction transaction) {
        try {
            transaction.terminate();
        } catch (ObjectInUseException e) {
            // Already over.
        }
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance(algorithm)
                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stack callback: a final response completes the waiting request. */
    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && response.getStatusCode() >= 200) {
            CompletableFuture<Response> answer = pending.get(transaction);
            if (answer != null) {
                answer.complete(response);
            }
        }
    }

    /** Stack callback: the transaction gave up (Timer F); the request got no answer. */
    @Override
    public void processTimeout(TimeoutEvent event) {
        giveUp(event.getClientTransaction());
    }

    /** Stack callback: a transaction ended, with or without a final response. */
    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        giveUp(event.getClientTransaction());
    }

    private void giveUp(ClientTransaction transaction) {
        if (transaction != null) {
            CompletableFuture<Response> answer = pending.get(transaction);
            if (answer != null) {
                answer.complete(null);
            }
        }
    }

    /**
     * Stack callback: the datagram could not be sent; every waiting request got no answer. Also
     * what {@link #close()} wakes the stopped stack's event thread with.
     */
    @Override
    public void processIOException(IOExceptionEvent event) {
        pending.values().forEach(answer -> answer.complete(null));
    }

    /** Stack callback: a registrar sends this client no requests; any is ignored. */
    @Override
    public void processRequest(RequestEvent event) {
        // Nothing to answer.
    }

    /** Stack callback: there are no dialogs here. */
    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // No dialogs.
    }

    /**
     * Stops the stack. JAIN-SIP 1.3.0-91's {@code stop()} flags its event scanner thread but leaves
     * it blocked on an empty queue for good, so it is woken with a harmless event (an I/O error
     * this client ignores): in the container it would otherwise stay, with this stack, until the
     * server stops.
     */
    @Override
    public void close() {
        EventScanner scanner = ((SipStackImpl) stack).getEventScanner();
        stack.stop();
        if (scanner != null) {
            scanner.addEvent(
                    new EventWrapper(
                            new IOExceptionEvent(
                                    provider,
                                    listeningPoint.getIPAddress(),
                                    listeningPoint.getPort(),
                                    ListeningPoint.UDP),
                            null));
        }
    }
}

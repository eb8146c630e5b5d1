package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * One call: the caller's leg (A) and the legs towards the callee's devices (B). Mutable, and only
 * touched under its own monitor, so the events of one call are serialised.
 */
final class Call {
    enum State {
        RINGING,
        ANSWERED,
        ENDED
    }

    /** A leg towards one device of the callee. */
    static final class Leg {
        final ClientTransaction invite;
        final Dialog dialog;
        final String callId;
        boolean provisional;
        boolean cancelled;
        int finalStatus;

        Leg(ClientTransaction invite, Dialog dialog, String callId) {
            this.invite = invite;
            this.dialog = dialog;
            this.callId = callId;
        }
    }

    /** The ACK owed to the answering leg until the caller's ACK brings the SDP answer. */
    record PendingAck(Dialog dialog, long cseq) {}

    /** An in-dialog request passed to the other side, waiting for its answer. */
    record Relayed(ServerTransaction from, Request request, Dialog towards) {}

    final long domainId;
    final String callId;
    final Request invite;
    final ServerTransaction callerTransaction;
    final Dialog callerDialog;
    final String callerTag;
    final CallRouting.Party caller;
    final CallRouting.Party callee;
    final String dialled;
    final Instant startedAt;
    final List<Leg> legs = new ArrayList<>();
    final Map<ClientTransaction, Relayed> relayed = new HashMap<>();

    /**
     * Where the media issue attaches the anchored media of this call (an RTP relay per leg). Until
     * then SDP passes through unchanged and this stays null.
     */
    Object media;

    /**
     * The caller requires reliable provisional responses (RFC 3262): each 18x is sent reliably and
     * the next waits for the caller's PRACK.
     */
    final boolean callerRequires100rel;

    /** A reliable provisional response sent to the caller and not yet acknowledged by PRACK. */
    boolean reliablePending;

    /** The newest provisional response of a callee, held while {@link #reliablePending}. */
    javax.sip.message.Response heldProvisional;

    State state = State.RINGING;
    Leg answered;
    Instant answeredAt;
    PendingAck pendingAck;
    ScheduledFuture<?> ringTimeout;

    Call(
            long domainId,
            Request invite,
            ServerTransaction callerTransaction,
            Dialog callerDialog,
            String callerTag,
            CallRouting.Party caller,
            CallRouting.Party callee,
            String dialled,
            Instant startedAt) {
        this.domainId = domainId;
        this.callId =
                ((javax.sip.header.CallIdHeader)
                                invite.getHeader(javax.sip.header.CallIdHeader.NAME))
                        .getCallId();
        this.invite = invite;
        this.callerRequires100rel = requires(invite, "100rel");
        this.callerTransaction = callerTransaction;
        this.callerDialog = callerDialog;
        this.callerTag = callerTag;
        this.caller = caller;
        this.callee = callee;
        this.dialled = dialled;
        this.startedAt = startedAt;
    }

    /** Whether a Require header of the message names the option tag. */
    static boolean requires(javax.sip.message.Message message, String optionTag) {
        java.util.ListIterator<?> headers = message.getHeaders(javax.sip.header.RequireHeader.NAME);
        while (headers.hasNext()) {
            if (((javax.sip.header.RequireHeader) headers.next())
                    .getOptionTag()
                    .equalsIgnoreCase(optionTag)) {
                return true;
            }
        }
        return false;
    }

    Leg leg(String legCallId) {
        for (Leg leg : legs) {
            if (leg.callId.equals(legCallId)) {
                return leg;
            }
        }
        return null;
    }

    boolean allLegsFailed() {
        return legs.stream().allMatch(l -> l.finalStatus >= 300);
    }
}

package io.vpbx.sip.call;

import io.vpbx.application.sip.CallRouting;
import io.vpbx.media.api.Endpoint;
import io.vpbx.media.api.MediaSession;
import io.vpbx.model.calls.CallEndReason;
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

    /**
     * A leg towards one device of the callee; or, for a call picked up by a colleague, the picker's
     * own call to the pickup code (then {@code invite} is null: they called us).
     */
    static final class Leg {
        final ClientTransaction invite;
        final Dialog dialog;
        final String callId;

        /** Our media endpoint towards this device. */
        final Endpoint endpoint;

        boolean provisional;

        /** The device answered our offer (in a 18x or the 200). */
        boolean earlyMedia;

        boolean cancelled;

        /**
         * The leg is cancelled because the call was answered on another device or picked up: its
         * CANCEL says so ({@code Reason: SIP;cause=200}), and the phone logs no missed call.
         */
        boolean completedElsewhere;

        int finalStatus;

        /** For a call to a group, the member whose device this leg rings; null otherwise. */
        CallRouting.Party member;

        Leg(ClientTransaction invite, Dialog dialog, String callId, Endpoint endpoint) {
            this.invite = invite;
            this.dialog = dialog;
            this.callId = callId;
            this.endpoint = endpoint;
        }
    }

    /** An in-dialog request passed to the other side, waiting for its answer. */
    record Relayed(ServerTransaction from, Request request, Dialog towards) {}

    final long domainId;
    final String callId;
    final Request invite;
    final ServerTransaction callerTransaction;
    final Dialog callerDialog;
    final String callerTag;
    final CallRouting.Party caller;

    /**
     * Whom the call is for: the dialled number, then the colleague who picked it up; null for a
     * call to the pickup code that found nothing to pick up. For a call to a group, null until a
     * member answers (or picks it up), then that member.
     */
    CallRouting.Party callee;

    /** For a call to a call group's extension, the members it rings; null otherwise. */
    GroupCall group;

    /** The call holds one of the callee's channels (released when it ends, or on pickup). */
    boolean holdsCalleeChannel;

    final String dialled;
    final Instant startedAt;
    final List<Leg> legs = new ArrayList<>();
    final Map<ClientTransaction, Relayed> relayed = new HashMap<>();

    /** The call's anchored media: every packet passes our endpoints (one per leg). */
    MediaSession media;

    /** Our endpoint towards the caller. */
    Endpoint callerEndpoint;

    /** Whether the caller's INVITE carried the offer (else ours goes in the 200: late offer). */
    boolean callerOffered;

    /**
     * Our offer went in a 200 (late offer, or a re-INVITE without SDP) to the caller or to the
     * callee: the answer arrives in that side's ACK.
     */
    boolean awaitingCallerAnswer;

    boolean awaitingCalleeAnswer;

    /** Media events of this call (digits, recording), handed to the core one at a time. */
    SerialExecutor events;

    /** Changes whenever a side holds or resumes, so that late music does not start after resume. */
    int holdGeneration;

    CallEndReason endReason;

    /** The melody the caller hears instead of ringback, once loaded; null for none. */
    io.vpbx.media.api.Audio ringback;

    /** A device has rung (a provisional response without SDP). */
    boolean ringingSeen;

    boolean ringbackPlaying;

    /** The caller hears why the call failed (early media); the final status waits for its end. */
    boolean announcing;

    int announcedStatus;

    io.vpbx.model.calls.CallResult announcedResult;

    /**
     * The caller requires reliable provisional responses (RFC 3262): each 18x is sent reliably and
     * the next waits for the caller's PRACK.
     */
    final boolean callerRequires100rel;

    /** A reliable provisional response sent to the caller and not yet acknowledged by PRACK. */
    boolean reliablePending;

    /** The newest provisional response of a callee, held while {@link #reliablePending}. */
    javax.sip.message.Response heldProvisional;

    /** The SIP domain, for the From and To of the legs. */
    String sipDomain;

    /** When the callee's phones were invited (after any greeting); null before. */
    Instant ringingSince;

    /** The callee's pre-call greeting plays to the caller; the phones ring when it ends. */
    boolean greeting;

    /** The announcement of a failure, if not the one its result implies. */
    String failurePrompt;

    /** The call was answered by a colleague who dialled the pickup code. */
    boolean pickedUp;

    State state = State.RINGING;
    Leg answered;
    Instant answeredAt;
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

    /**
     * Whether a colleague may pick the call up: the callee's phones ring (the greeting is over),
     * nobody has answered, and the call is not failing.
     */
    boolean ringingForPickup() {
        return state == State.RINGING
                && !announcing
                && !greeting
                && ringingSince != null
                && (callee != null || group != null)
                && legs.stream().anyMatch(l -> l.finalStatus == 0 && !l.cancelled);
    }
}

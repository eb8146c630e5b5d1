package io.vpbx.application.cabinet;

import io.vpbx.application.calls.CallHistoryRow;
import io.vpbx.application.calls.CallPeriod;
import io.vpbx.application.calls.CallType;
import io.vpbx.application.recording.RecordingDownload;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The employee's personal cabinet (spec A §4.1–4.2). Every method acts on the caller's own account
 * as the login established it; none takes a user id. Every change is written to the domain's action
 * history with its before and after values. The console password is changed through {@link
 * io.vpbx.application.auth.AuthenticationService#changeMyPassword}, the same for every console.
 */
public interface MyCabinetService {
    /** The caller's profile, SIP login and current registrations. */
    MyProfile profile();

    /**
     * Gives the caller's SIP number a new generated password, returned to be shown once; their
     * phones must register again with it.
     *
     * @throws io.vpbx.model.shared.NotFound when the account has no SIP number
     */
    String regenerateSipPassword();

    /**
     * Changes the caller's e-mail (notifications, voicemail, password recovery); blank removes it,
     * unless voicemail goes to e-mail.
     */
    void changeEmail(String email);

    /** Switches voicemail-to-e-mail (spec A BR-13); switching it on needs an e-mail address. */
    void sendVoicemailToEmail(boolean send);

    /** The domain's greetings the caller may choose from, by name. */
    List<AudioChoice> greetings();

    /** The domain's music files the caller may choose as their ringback melody, by name. */
    List<AudioChoice> ringbacks();

    /**
     * Chooses the greeting callers hear before the caller's phones ring (spec A BR-15).
     *
     * @param greetingIdOrNullForNone one of the caller's domain's greetings, or {@code null}
     */
    void chooseGreeting(Long greetingIdOrNullForNone);

    /**
     * Chooses the melody callers hear while the caller's phones ring (spec A BR-18).
     *
     * @param musicIdOrNullForDomain one of the caller's domain's music files, or {@code null} for
     *     the domain's choice
     */
    void chooseRingback(Long musicIdOrNullForDomain);

    /**
     * The caller's own calls, made or taken on their SIP number, newest first: at most {@link
     * io.vpbx.application.calls.CallHistoryService#MAX_ROWS} + 1, the extra one only telling that
     * there are more.
     */
    List<CallHistoryRow> callHistory(CallPeriod period, CallType type, String search);

    /** The caller's own calls on a range of days, both inclusive (spec B BR-77). */
    List<CallHistoryRow> callHistory(LocalDate from, LocalDate until, CallType type, String search);

    /**
     * A recording of one of the caller's own calls.
     *
     * @throws io.vpbx.model.shared.NotFound for any other recording, of a colleague's call or
     *     another domain's, exactly as for one that does not exist
     */
    RecordingDownload recording(long recordingId);

    /** Streams a recording of one of the caller's own calls as MP3. */
    void writeMp3(long recordingId, OutputStream out) throws IOException;
}

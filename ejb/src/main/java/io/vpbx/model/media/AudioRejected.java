package io.vpbx.model.media;

import io.vpbx.model.shared.RuleViolation;
import java.util.Objects;

/**
 * An uploaded audio file was refused. The {@link Reason} says why in terms a console can translate
 * ({@code error.audio.<reason>}); the violation is about the input field {@code file}.
 */
public class AudioRejected extends RuleViolation {
    private static final long serialVersionUID = 1L;

    /** Why an upload cannot be used. */
    public enum Reason {
        /** Larger than the upload limit (15 MB); refused before it is read to the end. */
        TOO_LARGE,
        /** Neither WAV nor MP3 by its content, whatever its name says. */
        WRONG_TYPE,
        /** Looks like WAV or MP3 but its headers or frames do not hold together. */
        CORRUPT,
        /** Plays longer than the limit (10 minutes). */
        TOO_LONG,
        /** No bytes, or no sound at all (zero samples). */
        EMPTY;

        /** The message key of the console's translated text. */
        public String messageKey() {
            return switch (this) {
                case TOO_LARGE -> "error.audio.tooLarge";
                case WRONG_TYPE -> "error.audio.wrongType";
                case CORRUPT -> "error.audio.corrupt";
                case TOO_LONG -> "error.audio.tooLong";
                case EMPTY -> "error.audio.empty";
            };
        }
    }

    private final Reason reason;
    private final String detail;

    public AudioRejected(Reason reason) {
        this(reason, null);
    }

    /**
     * @param detail for the log only (which header was wrong); never shown to the user
     */
    public AudioRejected(Reason reason, String detail) {
        super(Objects.requireNonNull(reason).messageKey());
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** What exactly was wrong, for the server log. */
    public String detail() {
        return detail;
    }

    @Override
    public String field() {
        return "file";
    }

    @Override
    public String toString() {
        return "AudioRejected[" + reason + (detail == null ? "" : ": " + detail) + "]";
    }
}

package io.vpbx.model.media;

import io.vpbx.model.shared.DisplayText;
import io.vpbx.model.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A greeting or a piece of music a domain admin uploaded ("аудиофайл"). The row describes the
 * sound; the sound itself, already converted to the internal 8 kHz mono format, is a file in the
 * data directory named after the row's id, so it is written once and never transcoded during a
 * call.
 *
 * <p>The {@linkplain #name() name} is what the console shows and is unique within the domain and
 * kind; the {@linkplain #originalName() original name} is the uploaded file's name, kept only for
 * reference (the content decided the type, never the name).
 */
@Entity
@Table(name = "audio_file")
public class AudioFile {
    /** The longest name the console accepts. */
    public static final int MAX_NAME = 128;

    private static final int MAX_ORIGINAL_NAME = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "domain_id", nullable = false, updatable = false)
    private Long domainId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private AudioKind kind;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "original_name", nullable = false, updatable = false, length = MAX_ORIGINAL_NAME)
    private String originalName;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AudioFile() {}

    /**
     * @param originalName the uploaded file's name as the browser sent it; any directory part is
     *     dropped and it is cut to 255 characters
     * @param sizeBytes the size of the converted file
     */
    public AudioFile(
            long domainId,
            AudioKind kind,
            String name,
            String originalName,
            long durationMs,
            long sizeBytes,
            Instant createdAt) {
        this.domainId = domainId;
        this.kind = Objects.requireNonNull(kind);
        this.name = DisplayText.require("name", name, MAX_NAME);
        this.originalName = cleanOriginalName(originalName);
        this.durationMs = durationMs;
        this.sizeBytes = sizeBytes;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** The file name without any path a browser may send, control characters removed. */
    static String cleanOriginalName(String uploaded) {
        if (uploaded == null) {
            return "upload";
        }
        String base =
                uploaded.substring(
                        Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty()) {
            return "upload";
        }
        return result.length() > MAX_ORIGINAL_NAME
                ? result.substring(0, MAX_ORIGINAL_NAME)
                : result;
    }

    public void rename(String newName) {
        this.name = DisplayText.require("name", newName, MAX_NAME);
    }

    /**
     * The id to store when a domain or one of its users chooses {@code file} for a purpose that
     * needs {@code kind}; {@code null} for no file. Another domain's file, or one of the other
     * kind, is refused ({@code error.audio.notMusic} / {@code error.audio.notGreeting}).
     */
    public static Long chosenId(AudioFile file, Long domainId, AudioKind kind) {
        if (file == null) {
            return null;
        }
        if (file.id == null
                || domainId == null
                || file.domainId != domainId.longValue()
                || file.kind != kind) {
            throw new RuleViolation(
                    kind == AudioKind.MUSIC ? "error.audio.notMusic" : "error.audio.notGreeting");
        }
        return file.id;
    }

    public Long id() {
        return id;
    }

    public long domainId() {
        return domainId;
    }

    public AudioKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String originalName() {
        return originalName;
    }

    public long durationMs() {
        return durationMs;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}

package io.vpbx.web.domain;

import io.vpbx.application.media.AudioFileRow;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.media.AudioTranscoder;
import io.vpbx.model.media.AudioKind;
import io.vpbx.web.shared.UiActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;

/**
 * «Приветствия и музыка» (spec F §13.3, P6): the domain's music on hold and greetings: upload,
 * listen, rename, delete, and which music a held caller hears. Converting and checking uploads is
 * the service's work; this bean only carries the form.
 */
@Named
@ViewScoped
public class MediaFilesView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject private transient AudioFilesService audio;

    private AudioKind uploadKind = AudioKind.MUSIC;
    private String uploadName;
    private transient UploadedFile upload;

    private Long musicOnHold;
    private boolean musicOnHoldLoaded;
    private Long ringback;
    private boolean ringbackLoaded;

    private Long selectedId;
    private long selectedVersion;
    private String selectedName;
    private String newName;

    private transient List<AudioFileRow> music;
    private transient List<AudioFileRow> greetings;

    public List<AudioFileRow> getMusic() {
        if (music == null) {
            music = audio.list(AudioKind.MUSIC);
        }
        return music;
    }

    public List<AudioFileRow> getGreetings() {
        if (greetings == null) {
            greetings = audio.list(AudioKind.GREETING);
        }
        return greetings;
    }

    public void upload() {
        if (upload == null || upload.getSize() == 0) {
            UiActions.error("uploadForm:file", "error.audio.noFile");
            return;
        }
        if (upload.getSize() > AudioTranscoder.MAX_UPLOAD_BYTES) {
            UiActions.error("uploadForm:file", "error.audio.tooLarge");
            return;
        }
        String name = uploadName == null || uploadName.isBlank() ? baseName() : uploadName;
        if (UiActions.attempt(
                () -> {
                    try (InputStream in = upload.getInputStream()) {
                        audio.upload(uploadKind, name, upload.getFileName(), in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Map.of("name", "uploadForm:name", "file", "uploadForm:file"))) {
            UiActions.info("media.uploaded", name);
            uploadName = null;
            refresh();
        }
        upload = null;
    }

    /** The uploaded file's name without its extension, when no name was typed. */
    private String baseName() {
        String file = upload.getFileName() == null ? "" : upload.getFileName();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    public void saveMusicOnHold() {
        if (UiActions.attempt(() -> audio.chooseDomainMusicOnHold(musicOnHold))) {
            UiActions.info("media.musicOnHoldSaved");
            refresh();
        }
    }

    public void saveRingback() {
        if (UiActions.attempt(() -> audio.chooseDomainRingback(ringback))) {
            UiActions.info("media.ringbackSaved");
            refresh();
        }
    }

    public void select(AudioFileRow row) {
        selectedId = row.id();
        selectedVersion = row.version();
        selectedName = row.name();
        newName = row.name();
    }

    public void rename() {
        if (UiActions.attempt(
                () -> audio.rename(selectedId, selectedVersion, newName),
                Map.of("name", "renameForm:newName"))) {
            refresh();
        }
    }

    public void delete() {
        if (UiActions.attempt(() -> audio.delete(selectedId))) {
            UiActions.info("media.deleted", selectedName);
            refresh();
        }
    }

    private void refresh() {
        music = null;
        greetings = null;
        musicOnHoldLoaded = false;
        ringbackLoaded = false;
    }

    /** Minutes and seconds, e.g. {@code 1:05}. */
    public String duration(long ms) {
        long seconds = Math.round(ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** Kilobytes, rounded up. */
    public long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }

    public AudioKind[] getKinds() {
        return AudioKind.values();
    }

    public Long getMusicOnHold() {
        if (!musicOnHoldLoaded) {
            musicOnHold = audio.domainMusicOnHold();
            musicOnHoldLoaded = true;
        }
        return musicOnHold;
    }

    public void setMusicOnHold(Long musicOnHold) {
        this.musicOnHold = musicOnHold;
        this.musicOnHoldLoaded = true;
    }

    public Long getRingback() {
        if (!ringbackLoaded) {
            ringback = audio.domainRingback();
            ringbackLoaded = true;
        }
        return ringback;
    }

    public void setRingback(Long ringback) {
        this.ringback = ringback;
        this.ringbackLoaded = true;
    }

    public AudioKind getUploadKind() {
        return uploadKind;
    }

    public void setUploadKind(AudioKind uploadKind) {
        this.uploadKind = uploadKind;
    }

    public String getUploadName() {
        return uploadName;
    }

    public void setUploadName(String uploadName) {
        this.uploadName = uploadName;
    }

    public UploadedFile getUpload() {
        return upload;
    }

    public void setUpload(UploadedFile upload) {
        this.upload = upload;
    }

    public String getSelectedName() {
        return selectedName;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}

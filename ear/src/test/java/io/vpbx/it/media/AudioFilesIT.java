package io.vpbx.it.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.auth.AuthenticationService;
import io.vpbx.application.auth.LoginResult;
import io.vpbx.application.history.ActionHistoryService;
import io.vpbx.application.history.HistoryFilter;
import io.vpbx.application.history.HistoryRow;
import io.vpbx.application.media.AudioFileRow;
import io.vpbx.application.media.AudioFilesService;
import io.vpbx.application.media.MediaFiles;
import io.vpbx.application.platform.PlatformService;
import io.vpbx.application.pool.PoolAdminsService;
import io.vpbx.application.pool.PoolDomainsService;
import io.vpbx.it.support.Deployments;
import io.vpbx.it.support.Identities;
import io.vpbx.it.support.ItSettings;
import io.vpbx.it.support.TenancyFixture;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.media.AudioRejected;
import io.vpbx.model.shared.NotFound;
import io.vpbx.model.shared.RuleViolation;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain's greetings and music through the real services, in the server: an upload is
 * converted, listed, chosen as the domain's music on hold and handed to the SIP layer; another
 * domain's admin can neither see nor touch it; a refused upload leaves no row and no file.
 */
@ExtendWith(ArquillianExtension.class)
class AudioFilesIT {
    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.vpbxWithTests(AudioFilesIT.class);
    }

    @Inject private AuthenticationService authentication;
    @Inject private PlatformService platform;
    @Inject private PoolDomainsService poolDomains;
    @Inject private PoolAdminsService poolAdmins;
    @Inject private AudioFilesService audio;
    @Inject private MediaFiles mediaFiles;
    @Inject private ActionHistoryService history;

    private TenancyFixture world() throws Exception {
        return TenancyFixture.shared(authentication, platform, poolDomains, poolAdmins);
    }

    /** One second of a 1 kHz sine, 44.1 kHz stereo 16-bit PCM: not the internal format. */
    static byte[] toneWav() {
        int rate = 44100;
        int frames = rate;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            short v = (short) (12000 * Math.sin(2 * Math.PI * 1000 * i / rate));
            for (int c = 0; c < 2; c++) {
                data.write(v & 0xFF);
                data.write((v >> 8) & 0xFF);
            }
        }
        byte[] pcm = data.toByteArray();
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes("RIFF".getBytes());
        le32(wav, 36 + pcm.length);
        wav.writeBytes("WAVEfmt ".getBytes());
        le32(wav, 16);
        le16(wav, 1);
        le16(wav, 2);
        le32(wav, rate);
        le32(wav, rate * 4);
        le16(wav, 4);
        le16(wav, 16);
        wav.writeBytes("data".getBytes());
        le32(wav, pcm.length);
        wav.writeBytes(pcm);
        return wav.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, v >>> 16);
    }

    private long upload(LoginResult admin, AudioKind kind, String name, byte[] content)
            throws Exception {
        return Identities.as(
                admin,
                () -> audio.upload(kind, name, name + ".wav", new ByteArrayInputStream(content)));
    }

    private static int le(byte[] b, int at, int n) {
        int v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static List<String> filesOf(long domainId) throws Exception {
        Path dir = ItSettings.dataDirectory().resolve("audio").resolve(Long.toString(domainId));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anUploadedWavIsConvertedListedAndPlayedAsTheDomainsMusicOnHold() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        Path builtIn = mediaFiles.musicOnHold(w.domainAId, null);
        assertThat(builtIn).endsWith(Path.of("audio", "builtin", "music-default.wav"));

        long id = upload(adminA, AudioKind.MUSIC, "Облака", toneWav());

        List<AudioFileRow> music = Identities.as(adminA, () -> audio.list(AudioKind.MUSIC));
        assertThat(music).extracting(AudioFileRow::name).containsExactly("Облака");
        AudioFileRow row = music.get(0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.originalName()).isEqualTo("Облака.wav");
        assertThat(row.durationMs()).isEqualTo(1000);
        assertThat(row.sizeBytes()).isEqualTo(44 + 16000);
        assertThat(row.domainMusicOnHold()).isFalse();
        assertThat(Identities.as(adminA, () -> audio.list(AudioKind.GREETING)))
                .extracting(AudioFileRow::name)
                .doesNotContain("Облака");

        Identities.run(adminA, () -> audio.chooseDomainMusicOnHold(id));

        Path played = mediaFiles.musicOnHold(w.domainAId, null);
        assertThat(played)
                .isEqualTo(
                        ItSettings.dataDirectory()
                                .resolve("audio")
                                .resolve(Long.toString(w.domainAId))
                                .resolve(id + ".wav"));
        byte[] wav = Files.readAllBytes(played);
        assertThat(wav).hasSize(44 + 16000);
        assertThat(le(wav, 22, 2)).as("mono").isEqualTo(1);
        assertThat(le(wav, 24, 4)).as("8 kHz").isEqualTo(8000);
        assertThat(le(wav, 34, 2)).as("16-bit").isEqualTo(16);
        assertThat(Identities.as(adminA, () -> audio.list(AudioKind.MUSIC).get(0)))
                .extracting(AudioFileRow::domainMusicOnHold)
                .isEqualTo(true);
        // Another domain still plays the built-in music.
        assertThat(mediaFiles.musicOnHold(w.domainBId, null)).isEqualTo(builtIn);

        List<HistoryRow> rows =
                Identities.as(adminA, () -> history.history(HistoryFilter.NONE, null, 50).rows());
        assertThat(rows).extracting(HistoryRow::objectName).contains("Облака", w.domainA);

        // Deleting the music on hold is refused until other music is chosen.
        assertThatThrownBy(() -> Identities.run(adminA, () -> audio.delete(id)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("error.audio.inUse.domain"));
        Identities.run(adminA, () -> audio.chooseDomainMusicOnHold(null));
        Identities.run(adminA, () -> audio.delete(id));
        assertThat(Identities.as(adminA, () -> audio.list(AudioKind.MUSIC))).isEmpty();
        assertThat(filesOf(w.domainAId)).doesNotContain(id + ".wav");
        assertThat(mediaFiles.musicOnHold(w.domainAId, null)).isEqualTo(builtIn);
    }

    @Test
    void anotherDomainsAdminCanNeitherSeeNorTouchTheFile() throws Exception {
        TenancyFixture w = world();
        LoginResult adminA = w.adminOf(w.domainA);
        LoginResult adminB = w.adminOf(w.domainB);
        long id = upload(adminA, AudioKind.GREETING, "Welcome " + w.token, toneWav());

        assertThat(Identities.as(adminB, () -> audio.list(AudioKind.GREETING))).isEmpty();
        assertThatThrownBy(() -> Identities.as(adminB, () -> audio.content(id)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.run(adminB, () -> audio.delete(id)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.run(adminB, () -> audio.rename(id, 0, "Mine")))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> Identities.run(adminB, () -> audio.chooseDomainMusicOnHold(id)))
                .isInstanceOf(NotFound.class);

        assertThat(Identities.as(adminA, () -> audio.list(AudioKind.GREETING)))
                .extracting(AudioFileRow::name)
                .containsExactly("Welcome " + w.token);
        assertThat(Identities.as(adminA, () -> audio.content(id))).isRegularFile();
    }

    @Test
    void aGreetingCannotBeTheMusicOnHoldAndNamesAreUniquePerKind() throws Exception {
        TenancyFixture w = world();
        LoginResult adminB = w.adminOf(w.domainB);
        long greeting = upload(adminB, AudioKind.GREETING, "Same", toneWav());

        assertThatThrownBy(
                        () -> Identities.run(adminB, () -> audio.chooseDomainMusicOnHold(greeting)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("error.audio.notMusic"));
        assertThatThrownBy(() -> upload(adminB, AudioKind.GREETING, "Same", toneWav()))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("error.audio.nameTaken"));
        long music = upload(adminB, AudioKind.MUSIC, "Same", toneWav());
        assertThat(music).isNotEqualTo(greeting);
    }

    @Test
    void aCorruptUploadLeavesNoRowAndNoFile() throws Exception {
        TenancyFixture w = world();
        LoginResult adminC = w.adminOf(w.domainC);
        List<String> filesBefore = filesOf(w.domainCId);
        byte[] whole = toneWav();
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> upload(adminC, AudioKind.MUSIC, "Broken", truncated))
                .isInstanceOfSatisfying(
                        AudioRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AudioRejected.Reason.CORRUPT));
        assertThatThrownBy(
                        () ->
                                upload(
                                        adminC,
                                        AudioKind.MUSIC,
                                        "Text",
                                        "not audio at all".getBytes()))
                .isInstanceOfSatisfying(
                        AudioRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(AudioRejected.Reason.WRONG_TYPE));

        assertThat(Identities.as(adminC, () -> audio.list(AudioKind.MUSIC))).isEmpty();
        assertThat(filesOf(w.domainCId)).isEqualTo(filesBefore);
    }

    @Test
    void builtInPromptsAreServedInBothLanguages() throws Exception {
        Path ru = mediaFiles.prompt("busy", Locale.forLanguageTag("ru"));
        Path en = mediaFiles.prompt("busy", Locale.ENGLISH);

        assertThat(ru).isRegularFile();
        assertThat(en).isRegularFile();
        assertThat(Files.readAllBytes(ru)).isNotEqualTo(Files.readAllBytes(en));
        assertThat(le(Files.readAllBytes(ru), 24, 4)).isEqualTo(8000);
        assertThatThrownBy(() -> mediaFiles.prompt("../../etc/passwd", Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

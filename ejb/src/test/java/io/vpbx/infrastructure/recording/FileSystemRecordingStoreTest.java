package io.vpbx.infrastructure.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.application.PlatformSettings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemRecordingStoreTest {
    @TempDir Path temp;

    private FileSystemRecordingStore store() {
        Path root = temp.resolve("recordings");
        PlatformSettings settings =
                (PlatformSettings)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {PlatformSettings.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("recordingsDirectory")) {
                                        return root;
                                    }
                                    // The store may read no other setting: a test that makes
                                    // it do so fails here, by name.
                                    throw new AssertionError(
                                            "unexpected setting " + method.getName());
                                });
        return new FileSystemRecordingStore(settings);
    }

    @Test
    void putMovesTheFileUnderItsKeyAndDeleteRemovesIt() throws IOException {
        FileSystemRecordingStore store = store();
        Path spool = Files.write(temp.resolve("spooled.wav"), new byte[] {1, 2, 3});

        store.put("5/2026/03/abc@host.wav", spool);

        assertThat(spool).doesNotExist();
        assertThat(temp.resolve("recordings/5/2026/03/abc@host.wav"))
                .hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(store.exists("5/2026/03/abc@host.wav")).isTrue();
        try (InputStream in = store.open("5/2026/03/abc@host.wav")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(store.delete("5/2026/03/abc@host.wav")).isTrue();
        assertThat(store.exists("5/2026/03/abc@host.wav")).isFalse();
        assertThat(store.delete("5/2026/03/abc@host.wav")).isFalse();
    }

    @Test
    void aKeyThatWouldLeaveTheRootIsRefused() throws IOException {
        FileSystemRecordingStore store = store();
        Path spool = Files.write(temp.resolve("evil.wav"), new byte[] {9});
        assertThatThrownBy(() -> store.put("5/2026/03/../../../../evil.wav", spool))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.exists("../evil.wav")).isFalse();
        assertThat(spool).exists();
    }
}

package io.vpbx.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.users.imports.RowOutcome;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserImportStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir Path temp;

    private UserImportStore store() {
        PlatformSettings settings =
                (PlatformSettings)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {PlatformSettings.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("dataDirectory")) {
                                        return temp;
                                    }
                                    throw new AssertionError(
                                            "unexpected setting " + method.getName());
                                });
        return new UserImportStore(settings);
    }

    private Path dir() {
        return temp.resolve("user-imports");
    }

    private void age(String file, Instant written) throws IOException {
        Files.setLastModifiedTime(dir().resolve(file), FileTime.from(written));
    }

    @Test
    void deletesOnlyImportsWhoseFilesAreAllOlderThanTheCutoff() throws IOException {
        UserImportStore store = store();
        store.execution(7, 70);
        store.append(7, List.of(new RowOutcome(2, "ann", true, null)));
        store.execution(8, 80);
        store.append(8, List.of(new RowOutcome(2, "bob", false, "report.exists")));
        store.execution(9, 90);
        Files.writeString(dir().resolve("notes.txt"), "not an import");
        age("7.execution", NOW.minusSeconds(9 * 86_400));
        age("7.outcomes", NOW.minusSeconds(8 * 86_400));
        // Import 8 started long ago, but a restart wrote its outcomes yesterday: it stays.
        age("8.execution", NOW.minusSeconds(30 * 86_400));
        age("8.outcomes", NOW.minusSeconds(86_400));
        age("9.execution", NOW.minusSeconds(3_600));
        age("notes.txt", NOW.minusSeconds(30 * 86_400));

        List<Long> deleted = store.deleteUntouchedSince(NOW.minus(UserImportRetention.RETENTION));

        assertThat(deleted).containsExactly(7L);
        try (var left = Files.list(dir())) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("8.execution", "8.outcomes", "9.execution", "notes.txt");
        }
        assertThat(store.outcomes(7)).isEmpty();
        assertThat(store.outcomes(8)).extracting(RowOutcome::login).containsExactly("bob");
    }

    @Test
    void nothingToDeleteWithoutTheDirectory() throws IOException {
        assertThat(store().deleteUntouchedSince(NOW)).isEmpty();
    }
}

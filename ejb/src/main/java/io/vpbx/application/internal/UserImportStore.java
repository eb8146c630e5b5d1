package io.vpbx.application.internal;

import io.vpbx.application.PlatformSettings;
import io.vpbx.application.users.imports.CheckedRow;
import io.vpbx.application.users.imports.RowOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where an import's rows and outcomes live between the preview and the report: files under {@code
 * <data dir>/user-imports}, so the job survives a restart of the server without a table of its own.
 * Passwords in the rows file are sealed with the platform's secret box, never stored in clear.
 * Outcomes are appended a chunk at a time; a restarted job may append a row twice (once created,
 * once skipped as existing), and the created outcome wins.
 *
 * <p>An import's files are kept for {@link UserImportRetention#RETENTION} after they were last
 * written (the report can be downloaded and a stopped import continued meanwhile), then deleted:
 * the rows file holds the sealed passwords, which nobody needs once the users exist.
 */
@ApplicationScoped
class UserImportStore {
    /** What the job needs of one import. */
    record StoredImport(
            long id,
            long domainId,
            String actorPrincipal,
            String fileName,
            int inFile,
            List<CheckedRow> rows)
            implements Serializable {}

    private static final int RECENT = 4;

    @Inject private PlatformSettings settings;
    private final Map<Long, StoredImport> recent = new java.util.concurrent.ConcurrentHashMap<>();

    UserImportStore() {}

    /** For tests: a store under the settings' data directory. */
    UserImportStore(PlatformSettings settings) {
        this.settings = settings;
    }

    void save(StoredImport stored) {
        try {
            Files.createDirectories(directory());
            Path partial = file(stored.id(), ".rows.part");
            try (OutputStream out = Files.newOutputStream(partial);
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(stored);
            }
            Files.move(partial, file(stored.id(), ".rows"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored import. The rows file never changes once saved, so the last few are kept in
     * memory: the job asks for its import once per row, and reading a 10,000-row file each time
     * would make an import quadratic.
     */
    Optional<StoredImport> find(long id) {
        StoredImport cached = recent.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredImport> read = read(id);
        read.ifPresent(
                stored -> {
                    synchronized (recent) {
                        if (recent.size() >= RECENT) {
                            recent.remove(recent.keySet().iterator().next());
                        }
                        recent.put(id, stored);
                    }
                });
        return read;
    }

    private Optional<StoredImport> read(long id) {
        Path path = file(id, ".rows");
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(path);
                ObjectInputStream objects = new ObjectInputStream(in)) {
            return Optional.of((StoredImport) objects.readObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The import's job execution: the first one, or the latest restart of it. */
    void execution(long id, long executionId) {
        write(
                id,
                ".execution",
                Long.toString(executionId),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    Optional<Long> execution(long id) {
        Path path = file(id, ".execution");
        try {
            return Files.exists(path)
                    ? Optional.of(Long.parseLong(Files.readString(path).strip()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void append(long id, List<RowOutcome> outcomes) {
        StringBuilder lines = new StringBuilder();
        for (RowOutcome o : outcomes) {
            lines.append(o.rowNumber())
                    .append('\t')
                    .append(o.login())
                    .append('\t')
                    .append(o.created() ? '+' : '-')
                    .append('\t')
                    .append(o.reasonKey() == null ? "" : o.reasonKey())
                    .append('\n');
        }
        write(
                id,
                ".outcomes",
                lines.toString(),
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** One outcome per row, in row order; a created outcome wins over a later "exists" skip. */
    List<RowOutcome> outcomes(long id) {
        Path path = file(id, ".outcomes");
        if (!Files.exists(path)) {
            return List.of();
        }
        Map<Integer, RowOutcome> byRow = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                RowOutcome o =
                        new RowOutcome(
                                Integer.parseInt(f[0]),
                                f[1],
                                "+".equals(f[2]),
                                f[3].isEmpty() ? null : f[3]);
                byRow.merge(o.rowNumber(), o, (old, now) -> old.created() ? old : now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<RowOutcome> list = new ArrayList<>(byRow.values());
        list.sort(java.util.Comparator.comparingInt(RowOutcome::rowNumber));
        return list;
    }

    /**
     * Deletes the files of every import none of whose files was written since {@code cutoff}.
     *
     * @return the ids of the imports deleted
     */
    List<Long> deleteUntouchedSince(Instant cutoff) throws IOException {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Map<Long, List<Path>> byImport = new TreeMap<>();
        Map<Long, Instant> lastWritten = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot <= 0 || !name.substring(0, dot).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long id = Long.parseLong(name.substring(0, dot));
                Instant written = Files.getLastModifiedTime(file).toInstant();
                byImport.computeIfAbsent(id, k -> new ArrayList<>()).add(file);
                lastWritten.merge(id, written, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Long> deleted = new ArrayList<>();
        for (Map.Entry<Long, List<Path>> entry : byImport.entrySet()) {
            if (lastWritten.get(entry.getKey()).isBefore(cutoff)) {
                for (Path file : entry.getValue()) {
                    Files.deleteIfExists(file);
                }
                recent.remove(entry.getKey());
                deleted.add(entry.getKey());
            }
        }
        return deleted;
    }

    private void write(long id, String suffix, String text, StandardOpenOption... options) {
        try {
            Files.createDirectories(directory());
            Files.writeString(file(id, suffix), text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long id, String suffix) {
        return directory().resolve(id + suffix);
    }

    private Path directory() {
        return settings.dataDirectory().resolve("user-imports");
    }
}

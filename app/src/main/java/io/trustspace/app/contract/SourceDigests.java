package io.trustspace.app.contract;

import io.trustspace.common.jdbc.JdbcTransactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digests of byte ranges of files, each established by hashing the bytes of one send and reused for as long as the
 * file is provably the same version (ADR 0010): same device and inode, size, modification time and change time. The
 * change time cannot be set back by any user-space call, so a write, truncate, rename over or {@code touch -d} in
 * between shows; a version is remembered only once its timestamps have {@linkplain Version#settledBefore settled},
 * so that a write within the same clock tick cannot hide either. Without a POSIX file system there is no change
 * time, and nothing is remembered.
 *
 * <p>Ranges live in memory, least recently used out. Whole-file digests are also kept in PostgreSQL (table {@code
 * source_digest}, one row per file and algorithm) when a database is given, so a restart does not send the first
 * pull of every file back to hashing while it sends; the version columns must all match for a stored digest to be
 * used. The store is a cache: when it cannot be read or written, pulls go on as if nothing were remembered. Thread-
 * safe; the database is never called under the memory's lock.
 */
public final class SourceDigests {

    private static final Logger log = LoggerFactory.getLogger(SourceDigests.class);

    /** Ranges remembered, least recently used first out: a digest is a few dozen bytes. */
    static final int CAPACITY = 4096;

    /**
     * A version whose timestamps are at least this old when a send begins has settled: file system timestamps come
     * from a clock that ticks every few milliseconds on Linux and every second or two on FAT and some NFS servers.
     */
    static final Duration SETTLED = Duration.ofSeconds(2);

    /** What identifies one version of a file's content. */
    record Version(Object device, Object inode, long size, FileTime modified, FileTime changed) {
        /** Whether nothing touched the file within {@link #SETTLED} before {@code instant}. */
        boolean settledBefore(Instant instant) {
            Instant settled = instant.minus(SETTLED);
            return modified.toInstant().isBefore(settled) && changed.toInstant().isBefore(settled);
        }
    }

    private record Key(String algorithm, Path path, Version version, long start, long end) {}

    private final Map<Key, byte[]> known = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    private final JdbcTransactions store;

    /** Digests in memory only: a restart forgets them. */
    public SourceDigests() {
        this(null);
    }

    /** Digests in memory, whole-file ones also in {@code store}'s {@code source_digest} table. */
    public SourceDigests(JdbcTransactions store) {
        this.store = store;
    }

    /** The file's version now, or empty where the file system cannot tell versions apart. */
    static Optional<Version> version(Path path) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return Optional.empty();
        }
        return Optional.of(new Version(
                attributes.get("dev"),
                attributes.get("ino"),
                (Long) attributes.get("size"),
                (FileTime) attributes.get("lastModifiedTime"),
                (FileTime) attributes.get("ctime")));
    }

    Optional<byte[]> find(String algorithm, Path path, Version version, long start, long end) {
        Key key = new Key(algorithm, path.toAbsolutePath(), version, start, end);
        synchronized (known) {
            byte[] digest = known.get(key);
            if (digest != null) {
                return Optional.of(digest.clone());
            }
        }
        if (!stored(key)) {
            return Optional.empty();
        }
        Optional<byte[]> loaded = load(key);
        loaded.ifPresent(digest -> {
            synchronized (known) {
                known.put(key, digest.clone());
            }
        });
        return loaded;
    }

    void remember(String algorithm, Path path, Version version, long start, long end, byte[] digest) {
        Key key = new Key(algorithm, path.toAbsolutePath(), version, start, end);
        synchronized (known) {
            known.put(key, digest.clone());
        }
        if (stored(key)) {
            save(key, digest);
        }
    }

    /** Stored paths checked per statement when forgetting files that are gone. */
    static final int FORGET_BATCH = 500;

    /**
     * Drops the stored digests of files that no longer exist, and returns how many rows went. The table keeps one row
     * per file ever sent whole; without this, rows of deleted sources would stay for good. Paths are read in batches,
     * so memory stays bounded however many files were served; a file that reappears is simply hashed again.
     */
    public int forgetMissing() {
        if (store == null) {
            return 0;
        }
        int forgotten = 0;
        String after = "";
        try {
            while (true) {
                List<String> paths = storedPaths(after);
                List<String> gone = paths.stream().filter(SourceDigests::gone).toList();
                if (!gone.isEmpty()) {
                    forgotten += forget(gone);
                }
                if (paths.size() < FORGET_BATCH) {
                    return forgotten;
                }
                after = paths.get(paths.size() - 1);
            }
        } catch (RuntimeException e) {
            log.warn("could not forget the digests of deleted files (forgot {} first): {}", forgotten, e.toString());
            return forgotten;
        }
    }

    /** Whether nothing can be read at {@code path} any more (a link to a deleted file included). */
    private static boolean gone(String path) {
        try {
            return !Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private List<String> storedPaths(String after) {
        return store.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT path FROM source_digest WHERE path > ? ORDER BY path LIMIT " + FORGET_BATCH)) {
                select.setString(1, after);
                List<String> paths = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        paths.add(rows.getString(1));
                    }
                }
                return paths;
            }
        });
    }

    private int forget(List<String> paths) {
        return store.withConnection(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM source_digest WHERE path = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("text", paths.toArray()));
                return delete.executeUpdate();
            }
        });
    }

    /** How many digests are remembered in memory. */
    int size() {
        synchronized (known) {
            return known.size();
        }
    }

    /** Whole files, where the version has the numbers the table keeps. */
    private boolean stored(Key key) {
        // Never inside a caller's transaction: a refused statement there would abort it, though we swallow the error.
        return store != null
                && !store.inTransaction()
                && key.start() == 0
                && key.end() == key.version().size() - 1
                && key.version().device() instanceof Long
                && key.version().inode() instanceof Long;
    }

    private Optional<byte[]> load(Key key) {
        try {
            return store.withConnection(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT digest FROM source_digest"
                        + " WHERE path = ? AND algorithm = ? AND device = ? AND inode = ? AND size = ?"
                        + " AND modified_ns = ? AND changed_ns = ?")) {
                    bind(select, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not read a remembered digest; this pull hashes what it sends: {}", e.toString());
            return Optional.empty();
        }
    }

    private void save(Key key, byte[] digest) {
        try {
            store.withConnection(connection -> {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO source_digest (path,"
                        + " algorithm, device, inode, size, modified_ns, changed_ns, digest)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (path, algorithm) DO UPDATE SET"
                        + " device = EXCLUDED.device, inode = EXCLUDED.inode, size = EXCLUDED.size,"
                        + " modified_ns = EXCLUDED.modified_ns, changed_ns = EXCLUDED.changed_ns,"
                        + " digest = EXCLUDED.digest")) {
                    bind(upsert, key);
                    upsert.setBytes(8, digest);
                    return upsert.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not keep a digest for after a restart: {}", e.toString());
        }
    }

    private static void bind(PreparedStatement statement, Key key) throws SQLException {
        statement.setString(1, key.path().toString());
        statement.setString(2, key.algorithm());
        statement.setLong(3, (Long) key.version().device());
        statement.setLong(4, (Long) key.version().inode());
        statement.setLong(5, key.version().size());
        statement.setLong(6, key.version().modified().to(TimeUnit.NANOSECONDS));
        statement.setLong(7, key.version().changed().to(TimeUnit.NANOSECONDS));
    }
}

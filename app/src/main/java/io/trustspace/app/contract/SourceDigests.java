package io.trustspace.app.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Digests of byte ranges of files, each established by hashing the bytes of one send and reused for as long as the
 * file is provably the same version (ADR 0010): same device and inode, size, modification time and change time. The
 * change time cannot be set back by any user-space call, so a write, truncate, rename over or {@code touch -d} in
 * between shows; a version is remembered only once its timestamps have {@linkplain Version#settledBefore settled},
 * so that a write within the same clock tick cannot hide either. Without a POSIX file system there is no change
 * time, and nothing is remembered.
 */
public final class SourceDigests {

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

    synchronized Optional<byte[]> find(String algorithm, Path path, Version version, long start, long end) {
        return Optional.ofNullable(known.get(new Key(algorithm, path.toAbsolutePath(), version, start, end)))
                .map(byte[]::clone);
    }

    synchronized void remember(String algorithm, Path path, Version version, long start, long end, byte[] digest) {
        known.put(new Key(algorithm, path.toAbsolutePath(), version, start, end), digest.clone());
    }

    /** How many digests are remembered. */
    synchronized int size() {
        return known.size();
    }
}

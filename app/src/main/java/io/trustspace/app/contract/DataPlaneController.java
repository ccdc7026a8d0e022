package io.trustspace.app.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trustspace.app.catalog.Asset;
import io.trustspace.app.catalog.AssetStore;
import io.trustspace.app.web.Problems;
import io.trustspace.common.Result;
import io.trustspace.common.jdbc.JdbcTransactions;
import io.trustspace.crypto.CryptoSuite;
import io.trustspace.ledger.outbox.EvidenceRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's pull data plane ({@code GET /public/transfers/{id}}): checks the transfer's token, asks
 * {@link UsageControl} for this access, then streams the registered source — a file, an HTTP URL or a read-only
 * query — with constant memory whatever its size, honouring a single {@code Range}, and asks again while it streams
 * ({@link UseWatch}). What was delivered (bytes and digest) is evidenced, and so is a stream cut short.
 * The source address never leaves this connector.
 */
@RestController
@Tag(name = "data-plane", description = "Pull endpoint for transfers (token from the TransferStartMessage)")
public class DataPlaneController {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataPlane dataPlane;
    private final UsageControl usage;
    private final AssetStore assets;
    private final HttpClient http;
    private final CryptoSuite suite;
    private final JdbcTransactions transactions;
    private final EvidenceRecorder evidence;
    private final SourceDigests digests;
    private final boolean rememberDigests;

    public DataPlaneController(
            DataPlane dataPlane,
            UsageControl usage,
            AssetStore assets,
            HttpClient http,
            CryptoSuite suite,
            JdbcTransactions transactions,
            EvidenceRecorder evidence,
            SourceDigests digests,
            boolean rememberDigests) {
        this.digests = digests;
        this.rememberDigests = rememberDigests;
        this.dataPlane = dataPlane;
        this.usage = usage;
        this.assets = assets;
        this.http = http;
        this.suite = suite;
        this.transactions = transactions;
        this.evidence = evidence;
    }

    @GetMapping(DataPlane.PATH + "{id}")
    @Operation(
            summary = "Read a transfer's data (Authorization: the token from the TransferStartMessage;"
                    + " X-Purpose: the purpose of this use). Every access is decided and evidenced")
    public void pull(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException, org.springframework.web.HttpRequestMethodNotSupportedException {
        if ("HEAD".equalsIgnoreCase(request.getMethod())) {
            // Every access is a counted use with its evidence: a HEAD would spend one on no data.
            throw new org.springframework.web.HttpRequestMethodNotSupportedException("HEAD", List.of("GET"));
        }
        Result<DataPlane.Grant> grant = dataPlane.verify(request.getHeader("Authorization"), id);
        if (grant instanceof Result.Failure<DataPlane.Grant> failure) {
            Problems.write(response, failure, request);
            return;
        }
        Result<UsageControl.Permit> permit = usage.access(id, request.getHeader("X-Purpose"));
        if (permit instanceof Result.Failure<UsageControl.Permit> failure) {
            Problems.write(response, failure, request);
            return;
        }
        UsageControl.Permit allowed = permit.orElseThrow();
        Optional<Asset> asset = assets.find(allowed.agreement().datasetId());
        if (asset.isEmpty()) {
            Problems.write(
                    response,
                    (Result.Failure<?>)
                            Result.notFound("dataset " + allowed.agreement().datasetId() + " is no longer held here"),
                    request);
            return;
        }
        MessageDigest digest = suite.newDigest();
        Watched out = new Watched(response.getOutputStream(), new UseWatch(() -> usage.revoked(allowed)));
        Sent sent;
        String type = asset.get().dataAddress().type();
        try {
            if (type.equalsIgnoreCase("File")) {
                sent = file(Path.of(asset.get().dataAddress().endpoint()), request, response, out, digest);
            } else if (type.equalsIgnoreCase("HttpData")) {
                sent = Sent.streamed(
                        httpSource(asset.get().dataAddress().endpoint(), request, response, out, digest), digest);
            } else if (type.equalsIgnoreCase(QuerySource.TYPE)) {
                if (request.getHeader("Range") != null) {
                    Problems.write(
                            response,
                            (Result.Failure<?>)
                                    Result.invalid("a query source is delivered whole; Range is not supported"),
                            request);
                    return;
                }
                response.setContentType("text/csv;charset=UTF-8");
                QuerySource.write(
                        asset.get().dataAddress().endpoint(),
                        asset.get().dataAddress().properties(),
                        new java.security.DigestOutputStream(out, digest));
                sent = Sent.streamed(out.count, digest);
            } else {
                Problems.write(
                        response,
                        (Result.Failure<?>)
                                Result.unavailable("source type " + type + " is not served by this data plane"),
                        request);
                return;
            }
        } catch (org.apache.coyote.CloseNowException | org.apache.catalina.connector.ClientAbortException cut) {
            // A use revoked mid-stream (UseWatch.Revoked), a source that broke off, or a client that left: either
            // way data left, and how much of it is what the record says.
            Map<String, Object> interrupted = allowed.evidenceOfUse();
            interrupted.put("bytes", out.count);
            interrupted.put(
                    "reason",
                    cut instanceof org.apache.catalina.connector.ClientAbortException
                            ? "the client left: " + cut.getMessage()
                            : cut.getMessage());
            transactions.inTransaction(() -> evidence.record(
                    "transfer.interrupted",
                    List.of(allowed.agreement().agreementId(), id),
                    JSON.writeValueAsString(interrupted).getBytes(StandardCharsets.UTF_8)));
            throw cut;
        }
        if (sent.bytes() >= 0) {
            Map<String, Object> delivered = allowed.evidenceOfUse();
            delivered.put("bytes", sent.bytes());
            delivered.put(
                    "digest",
                    sent.digest().map(d -> DataPlane.dataDigest(suite, d)).orElse(null));
            delivered.put("digestOf", sent.digestOf());
            delivered.put("range", request.getHeader("Range"));
            transactions.inTransaction(() -> evidence.record(
                    "transfer.delivered",
                    List.of(allowed.agreement().agreementId(), id),
                    JSON.writeValueAsString(delivered).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * What a send delivered: its length (negative when an error was answered instead) and the digest of those bytes,
     * with what the digest was computed from (evidenced as {@code digestOf}, ADR 0010).
     */
    record Sent(long bytes, Optional<byte[]> digest, String digestOf) {
        /** Hashed while it was sent. */
        static final String STREAM = "stream";
        /** Hashed by an earlier send of the same range of the same, unchanged version of the file. */
        static final String SOURCE_VERSION = "source-version";
        /** Not known byte for byte: the file changed while it was sent. */
        static final String CHANGED = "none: the source changed while it was sent";

        static Sent streamed(long bytes, MessageDigest digest) {
            return new Sent(bytes, bytes < 0 ? Optional.empty() : Optional.of(digest.digest()), STREAM);
        }

        static Sent failed() {
            return new Sent(-1, Optional.empty(), STREAM);
        }
    }

    private Sent file(
            Path path, HttpServletRequest request, HttpServletResponse response, Watched out, MessageDigest digest)
            throws IOException {
        if (!Files.isRegularFile(path)) {
            response.sendError(503, "the source is not available");
            return Sent.failed();
        }
        long size = Files.size(path);
        long start = 0;
        long end = size - 1;
        String range = request.getHeader("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                response.setHeader("Content-Range", "bytes */" + size);
                response.sendError(416, "only a single bytes=a-b range is supported");
                return Sent.failed();
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (start > end || start >= size) {
                response.setHeader("Content-Range", "bytes */" + size);
                response.sendError(416, "the range is outside the data");
                return Sent.failed();
            }
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        response.setHeader("Accept-Ranges", "bytes");
        response.setContentType(contentType(path));
        response.setContentLengthLong(end - start + 1);
        long length = end - start + 1;
        String algorithm = digest.getAlgorithm();
        Instant began = Instant.now();
        Optional<SourceDigests.Version> before = version(path);
        long first = start;
        long last = end;
        Optional<byte[]> known = rememberDigests
                ? before.flatMap(version -> digests.find(algorithm, path, version, first, last))
                : Optional.empty();
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException gone) {
            response.sendError(503, "the source is not available");
            return Sent.failed();
        }
        long sent;
        try (channel) {
            sent = FileSend.send(channel, start, length, out.bulk(response), known.isPresent() ? null : digest);
        }
        if (sent < length) {
            throw new org.apache.coyote.CloseNowException(
                    "the source shrank while it was sent: " + sent + " of " + length + " bytes", null);
        }
        out.flush();
        boolean unchanged = before.isPresent() && before.equals(version(path));
        if (known.isPresent()) {
            return unchanged
                    ? new Sent(sent, known, Sent.SOURCE_VERSION)
                    : new Sent(sent, Optional.empty(), Sent.CHANGED);
        }
        byte[] hashed = digest.digest();
        // Timestamps come from a coarse clock: a write within the same tick as our first look would not show, so
        // only a version that had settled before this send began is remembered (git's "racy clean" rule).
        if (rememberDigests && unchanged && before.get().settledBefore(began)) {
            digests.remember(algorithm, path, before.get(), start, end, hashed);
        }
        return new Sent(sent, Optional.of(hashed), Sent.STREAM);
    }

    /** The file's version, or empty when it cannot be told (gone, unreadable, no POSIX file system). */
    private static Optional<SourceDigests.Version> version(Path path) {
        try {
            return SourceDigests.version(path);
        } catch (IOException unknown) {
            return Optional.empty();
        }
    }

    private long httpSource(
            String url,
            HttpServletRequest request,
            HttpServletResponse response,
            OutputStream out,
            MessageDigest digest)
            throws IOException {
        HttpRequest.Builder upstream = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(30))
                .GET();
        String range = request.getHeader("Range");
        if (range != null) {
            upstream.header("Range", range);
        }
        HttpResponse<InputStream> source;
        try {
            source = http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503, "interrupted");
            return -1;
        }
        try (InputStream in = source.body()) {
            int status = source.statusCode();
            if (status != 200 && status != 206) {
                response.sendError(502, "the source answered " + status);
                return -1;
            }
            response.setStatus(status);
            source.headers().firstValue("Content-Type").ifPresent(response::setContentType);
            source.headers().firstValue("Content-Range").ifPresent(v -> response.setHeader("Content-Range", v));
            source.headers().firstValueAsLong("Content-Length").ifPresent(response::setContentLengthLong);
            return FileSend.copy(in, out, Long.MAX_VALUE, digest);
        }
    }

    /** Counts what passes through (for the delivery record); a write after the use stopped holding throws. */
    static final class Watched extends java.io.FilterOutputStream {
        private final UseWatch watch;
        long count;

        Watched(OutputStream out, UseWatch watch) {
            super(out);
            this.watch = watch;
        }

        @Override
        public void write(int b) throws IOException {
            watch.check();
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            watch.check();
            out.write(bytes, offset, length);
            count += length;
        }

        /**
         * Where bulk chunks go: this stream, but for a servlet response the container's own stream. The filters'
         * response wrappers (Spring Security's header writer) lack {@code write(ByteBuffer)}, and the servlet
         * default copies each chunk into a new heap array. So the response is committed through them first, which
         * writes their headers, and the bytes then bypass them.
         */
        FileSend.Sink bulk(HttpServletResponse response) throws IOException {
            response.flushBuffer();
            jakarta.servlet.ServletResponse container = response;
            while (container instanceof jakarta.servlet.ServletResponseWrapper wrapper) {
                container = wrapper.getResponse();
            }
            jakarta.servlet.ServletOutputStream raw = container.getOutputStream();
            return chunk -> {
                watch.check();
                int length = chunk.remaining();
                raw.write(chunk);
                count += length;
            };
        }
    }

    private static String contentType(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "text/csv;charset=UTF-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}

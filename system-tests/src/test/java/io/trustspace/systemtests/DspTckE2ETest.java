package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Eclipse Dataspace Protocol TCK (1.0.0-RC6, 65 enabled tests) against the real connector, through
 * {@code tck/run.sh} — the same script a person runs. The TCK runner lives outside this repository (the shared
 * conformance harness): {@code $TRUSTSPACE_TCK_DIR}, else {@code ../shared/tck}, else {@code /work/shared/tck}.
 */
class DspTckE2ETest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path reports;

    @Test
    void everyEnabledTckTestPasses() throws IOException, InterruptedException {
        Optional<Path> tck = Stream.of(
                        Optional.ofNullable(System.getenv("TRUSTSPACE_TCK_DIR")).map(Path::of),
                        Optional.of(ROOT.resolve("../shared/tck")),
                        Optional.of(Path.of("/work/shared/tck")))
                .flatMap(Optional::stream)
                .filter(dir -> Files.isRegularFile(dir.resolve("run-tck.sh")))
                .findFirst();
        if (tck.isEmpty()) {
            System.err.println(
                    "!!! DSP TCK NOT RUN: no runner in $TRUSTSPACE_TCK_DIR, ../shared/tck or /work/shared/tck");
        }
        assumeTrue(tck.isPresent(), "the DSP TCK runner is not on this machine");

        ProcessBuilder builder = new ProcessBuilder(
                        List.of("bash", ROOT.resolve("tck/run.sh").toString(), "--reports", reports.toString()))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(reports.resolve("run.log").toFile());
        builder.environment().put("TRUSTSPACE_TCK_DIR", tck.get().toString());
        builder.environment().put("TCK_TIMEOUT", "1500");
        Process run = builder.start();
        boolean finished = run.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String log = Files.readString(reports.resolve("run.log"), StandardCharsets.UTF_8);
        Path summary = reports.resolve("summary.txt");
        String result = Files.exists(summary) ? Files.readString(summary, StandardCharsets.UTF_8) : log;

        assertThat(finished).as("the TCK finished within 30 minutes").isTrue();
        assertThat(result).as(result).contains("passed:    65").contains("failed:    0");
        assertThat(run.exitValue()).as(log).isZero();
    }
}

package io.trustspace.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real executable's {@code demo}, started as a child process on loopback, for the tests that kill it. */
final class DemoProcess {

    static final Path JAR =
            Path.of("..", "app", "target", "trustspace.jar").toAbsolutePath().normalize();
    private static final Pattern READY = Pattern.compile("ready in ([0-9.]+) s");

    /** A started demo: the process, what it printed up to the end of start-up, and the "ready in" it reported. */
    record Run(Process process, List<String> lines, double readySeconds) {}

    private DemoProcess() {}

    /**
     * Starts the demo with its data in {@code dataDir} and reads its output until start-up ends — the scenario's
     * verdict with {@code exitAfterScenario}, otherwise the prompt to press Ctrl-C — or {@code timeout} passes. The
     * rest of its output is drained in the background, so the child's pipe never fills up.
     */
    static Run start(Path dataDir, int portBase, boolean exitAfterScenario, Duration timeout) throws IOException {
        return start(dataDir, portBase, exitAfterScenario, null, timeout);
    }

    /**
     * Starts only {@code nodes} (comma-separated) of a demo that already ran whole on {@code dataDir}, and reads its
     * output until they are up or {@code timeout} passes.
     */
    static Run startNodes(Path dataDir, int portBase, String nodes, Duration timeout) throws IOException {
        return start(dataDir, portBase, false, nodes, timeout);
    }

    private static Run start(Path dataDir, int portBase, boolean exitAfterScenario, String nodes, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "demo",
                "--port-base",
                String.valueOf(portBase),
                "--data-dir",
                dataDir.toString()));
        if (exitAfterScenario) {
            command.add("--exit-after-scenario");
        }
        if (nodes != null) {
            command.add("--nodes");
            command.add(nodes);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TRUSTSPACE_KEY_PASSPHRASE");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        String terminal = exitAfterScenario ? "SCENARIO " : "Press Ctrl-C";
        String line;
        double ready = -1;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            lines.add(line);
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                ready = Double.parseDouble(matcher.group(1));
            }
            if (line.contains(terminal)) {
                break;
            }
        }
        Thread drain = new Thread(() -> out.lines().forEach(ignored -> {}), "demo-output");
        drain.setDaemon(true);
        drain.start();
        return new Run(process, lines, ready);
    }
}

package io.trustspace.app.cli;

import io.trustspace.app.demo.DemoScenario;
import io.trustspace.app.demo.DemoSpace;
import io.trustspace.crypto.SuiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run a whole data space on this machine: one operator and two participant connectors on 127.0.0.1,",
            "one embedded PostgreSQL with a database per node. Stays up until Ctrl-C."
        })
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port-base", defaultValue = "8080", description = "Operator port; provider +1, consumer +2.")
    int portBase;

    @Option(names = "--suite", defaultValue = "intl", description = "Crypto suite: intl or gm (国密).")
    String suite;

    @Option(names = "--data-dir", description = "Where the demo keeps its data (default ./data/demo-<suite>).")
    Path dataDir;

    @Option(names = "--exit-after-scenario", description = "Run the scenario, then exit 0 on success, 1 on failure.")
    boolean exitAfterScenario;

    @Option(
            names = "--nodes",
            split = ",",
            description = {
                "Run only these nodes (operator, provider, consumer) in this process, without the scenario: a",
                "connector in a process of its own, e.g. to kill it alone. Another `demo --nodes` on the same",
                "--data-dir runs the rest; the whole demo must have run there once."
            })
    List<String> nodes;

    @Override
    public Integer call() throws Exception {
        SuiteId suiteId = SuiteId.parse(suite);
        Path dir = dataDir != null ? dataDir : Path.of("data", "demo-" + suiteId.label());
        List<String> only = nodes == null ? DemoSpace.NODES : List.copyOf(nodes);
        DemoSpace.problem(dir, only).ifPresent(problem -> {
            throw new CliException(problem);
        });
        long started = System.nanoTime();
        DemoSpace space = DemoSpace.start(dir, suiteId, portBase, only);
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            space.close();
                            stopped.countDown();
                        },
                        "demo-shutdown"));

        System.out.printf(
                "%nTrustSpace demo space (suite %s) ready in %.1f s, data in %s%n",
                suiteId.label(), ready.toMillis() / 1000.0, dir.toAbsolutePath());
        space.nodes().forEach(node -> System.out.printf("  %-9s %s%n", node.name(), node.baseUrl()));
        if (!only.containsAll(DemoSpace.NODES)) {
            System.out.println("Nodes " + String.join(",", only) + " up (no scenario). Press Ctrl-C to stop.");
            stopped.await();
            return 0;
        }
        System.out.printf(
                "  OpenAPI   %s/swagger-ui.html (per node)%n", space.operator().baseUrl());
        System.out.printf(
                "  metrics   %s/actuator/prometheus%n", space.operator().baseUrl());
        System.out.println();

        boolean passed = new DemoScenario(space, System.out).run();
        if (exitAfterScenario) {
            System.out.println(passed ? "SCENARIO PASSED" : "SCENARIO FAILED");
            return passed ? 0 : 1;
        }
        System.out.println(
                passed
                        ? "Scenario passed. Press Ctrl-C to stop."
                        : "Scenario FAILED (see above). Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }
}

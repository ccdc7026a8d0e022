package io.trustspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.trustspace.app.demo.DemoScenario;
import io.trustspace.app.demo.DemoSpace;
import io.trustspace.crypto.SuiteId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole demo space in one JVM, for each crypto suite: three nodes on loopback, the scenario passes. */
class DemoScenarioE2ETest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void demoScenario_passes(SuiteId suite) {
        try (DemoSpace space = DemoSpace.start(dir.resolve(suite.label()), suite, FreePorts.base(4))) {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            boolean passed = new DemoScenario(space, new PrintStream(report, true, StandardCharsets.UTF_8)).run();
            String text = report.toString(StandardCharsets.UTF_8);
            System.out.print(text);
            assertThat(text).doesNotContain("✘");
            assertThat(passed).isTrue();
        }
    }
}

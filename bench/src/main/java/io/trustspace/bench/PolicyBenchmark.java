package io.trustspace.bench;

import io.trustspace.policy.Action;
import io.trustspace.policy.CompiledPolicy;
import io.trustspace.policy.Decision;
import io.trustspace.policy.EvaluationContext;
import io.trustspace.policy.PolicyCompiler;
import io.trustspace.policy.PolicyParser;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Policy decisions on one thread against a compiled five-constraint contract policy (purpose, count, elapsed time,
 * region, verification level, plus a prohibition of distribution), with the request context built beforehand as a
 * connector does once per request. Three paths: permit (all five constraints hold), deny (three fail, so reasons
 * are built) and prohibited (the prohibition short-circuits). Target: ≥ 500,000 decisions/s on the permit path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PolicyBenchmark {

    private static final String POLICY = """
            {
              "@context": ["https://w3id.org/dspace/2025/1/context.jsonld", "https://trustspace.io/ns/policy/context.jsonld"],
              "@id": "urn:uuid:bench-offer",
              "@type": "Offer",
              "assigner": "did:web:provider.example",
              "target": "urn:uuid:dataset",
              "permission": [{
                "action": "use",
                "constraint": [
                  {"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"},
                  {"leftOperand": "count", "operator": "lteq", "rightOperand": 3},
                  {"leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "P30D"},
                  {"leftOperand": "region", "operator": "isAnyOf", "rightOperand": ["CN", "HK"]},
                  {"leftOperand": "recipient.verificationLevel", "operator": "gteq", "rightOperand": 2}
                ],
                "duty": [{"action": "delete"}]
              }],
              "prohibition": [{"action": "distribute"}]
            }
            """;

    private CompiledPolicy policy;
    private EvaluationContext permitted;
    private EvaluationContext denied;
    private EvaluationContext prohibited;

    @Setup
    public void setUp() {
        policy = PolicyCompiler.compile(PolicyParser.parse(POLICY).orElseThrow());
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        permitted = EvaluationContext.builder(Action.READ, start.plus(Duration.ofDays(10)))
                .agreementStart(start)
                .priorUses(1)
                .purpose("research")
                .region("CN")
                .verificationLevel(3)
                .roles(Set.of("analyst"))
                .build();
        denied = EvaluationContext.builder(Action.READ, start.plus(Duration.ofDays(40)))
                .agreementStart(start)
                .priorUses(5)
                .purpose("marketing")
                .region("CN")
                .verificationLevel(3)
                .build();
        prohibited = EvaluationContext.builder(Action.DISTRIBUTE, start.plus(Duration.ofDays(10)))
                .agreementStart(start)
                .purpose("research")
                .region("CN")
                .verificationLevel(3)
                .build();
        if (!policy.decide(permitted).permitted()
                || policy.decide(denied).permitted()
                || policy.decide(prohibited).permitted()) {
            throw new IllegalStateException("benchmark contexts do not take the intended paths");
        }
    }

    @Benchmark
    public Decision permit() {
        return policy.decide(permitted);
    }

    @Benchmark
    public Decision deny() {
        return policy.decide(denied);
    }

    @Benchmark
    public Decision prohibit() {
        return policy.decide(prohibited);
    }
}

#!/usr/bin/env bash
# Negotiations between two TrustSpace connectors on loopback, through the whole stack: DSP over HTTP with verified
# access tokens, PostgreSQL, the transactional outbox, evidence to the operator's ledger, signatures on both sides.
#
#   bench/negotiations.sh [N] [CONCURRENCY]     defaults 2000 and 32
#
# Starts a demo space (operator, provider, consumer; admission, catalog and one agreement done by the scenario),
# then drives N negotiations for the demo's EV charging dataset with the Java driver
# io.trustspace.bench.NegotiationDriver (bench/target/benchmarks.jar), after WARMUP_S (60) seconds of the same load
# to let the JIT settle.
# PULL_GIB=1 additionally measures a 1 GiB pull through the consumer connector against raw loopback TCP in the same
# run (bench/drivers/pull.sh). Last line: RESULT negotiations_per_s=… p50_ms=… p99_ms=… failures=…
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-2000}"
CONCURRENCY="${2:-32}"
PORT_BASE="${PORT_BASE:-28080}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/trustspace-bench.XXXXXX")"
JAR="$WORK/trustspace.jar"

if [[ ! -f "$ROOT/app/target/trustspace.jar" || ! -f "$ROOT/bench/target/benchmarks.jar" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -pl app,bench -am package -DskipTests -DskipITs)
fi
cp "$ROOT/app/target/trustspace.jar" "$JAR"

java -Xmx2g ${JAVA_OPTS:-} -jar "$JAR" demo --port-base "$PORT_BASE" --data-dir "$WORK/demo" > "$WORK/demo.log" 2>&1 &
DEMO=$!
cleanup() {
  kill "$DEMO" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$DEMO" 2>/dev/null || break; sleep 1; done
  kill -9 "$DEMO" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  if grep -q "Scenario passed" "$WORK/demo.log"; then break; fi
  if grep -q "Scenario FAILED" "$WORK/demo.log" || ! kill -0 "$DEMO" 2>/dev/null; then
    tail -40 "$WORK/demo.log" >&2; echo "the demo space did not come up" >&2; exit 1
  fi
  sleep 1
done
grep -q "Scenario passed" "$WORK/demo.log" || { echo "the demo scenario did not finish in 300 s" >&2; exit 1; }

KEY="$(grep '^CONSUMER_ADMIN=' "$WORK/demo/demo-credentials.properties" | cut -d= -f2-)"
echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(java -version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
if [[ "${PULL_GIB:-0}" != "0" ]]; then
  PROVIDER_KEY="$(grep '^PROVIDER_ADMIN=' "$WORK/demo/demo-credentials.properties" | cut -d= -f2-)"
  DEMO_PID="$DEMO" bash "$ROOT/bench/drivers/pull.sh" "$WORK" "$PORT_BASE" "$PULL_GIB"
fi
cp "$ROOT/bench/target/benchmarks.jar" "$WORK/benchmarks.jar"
java -Xmx256m -cp "$WORK/benchmarks.jar" io.trustspace.bench.NegotiationDriver \
  --consumer "http://127.0.0.1:$((PORT_BASE + 2))" --provider "http://127.0.0.1:$((PORT_BASE + 1))" \
  --key "$KEY" --n "$N" --concurrency "$CONCURRENCY" --warmup-s "${WARMUP_S:-60}"

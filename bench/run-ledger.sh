#!/usr/bin/env bash
# Runs the ledger load drivers and the JMH benchmarks with the parameters docs/benchmarks.md reports, writing the raw
# output under bench/results/<UTC timestamp>/ (git-ignored) and the RESULT lines into summary.txt there.
#
#   bench/run-ledger.sh                 the full measurement (about 30 minutes on 2 cores)
#   QUICK=1 bench/run-ledger.sh         a short smoke run: 20,000 records, JMH -wi 1 -i 1 -f 1
#
# Environment knobs: RECORDS (200000), THREADS (8), AUDIT_ENTRIES (1000000), SUITES ("intl gm"),
# PARTS ("append e2e audit jmh"), JMH_ARGS (extra JMH options), JAVA_OPTS (-Xms4g -Xmx4g),
# PROFILE=1 (a JFR recording per driver run), REBUILD=1 (rebuild the jar even if it exists).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=bench/target/benchmarks.jar
RECORDS=${RECORDS:-200000}
THREADS=${THREADS:-8}
AUDIT_ENTRIES=${AUDIT_ENTRIES:-1000000}
SUITES=${SUITES:-intl gm}
PARTS=${PARTS:-append e2e audit jmh}
JMH_ARGS=${JMH_ARGS:-}
JAVA_OPTS=${JAVA_OPTS:--Xms4g -Xmx4g}
if [[ "${QUICK:-0}" == 1 ]]; then
  RECORDS=20000
  JMH_ARGS="-wi 1 -i 1 -f 1 ${JMH_ARGS}"
fi

if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -f bench/pom.xml package -DskipTests
fi

OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
{
  echo "date: $(date -u)"
  echo "nproc: $(nproc)"
  free -g
  java -version 2>&1
  echo "kernel: $(uname -r)"
  echo "load: $(uptime)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "RECORDS=$RECORDS THREADS=$THREADS AUDIT_ENTRIES=$AUDIT_ENTRIES SUITES='$SUITES' JMH_ARGS='$JMH_ARGS'"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

has() { [[ " $PARTS " == *" $1 "* ]]; }

drive() {
  local name=$1
  shift
  local profile=()
  if [[ "${PROFILE:-0}" == 1 ]]; then
    profile=("-XX:StartFlightRecording=filename=$OUT/$name.jfr,settings=profile")
  fi
  echo "== $name: java $JAVA_OPTS -cp $JAR $*" | tee "$OUT/$name.txt"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java $JAVA_OPTS "${profile[@]}" -cp "$JAR" "$@" 2>&1 | tee -a "$OUT/$name.txt"
}

for suite in $SUITES; do
  if has append; then
    drive "append-outbox-$suite" io.trustspace.bench.LedgerAppendDriver \
      --mode outbox --suite "$suite" --records "$RECORDS" --threads "$THREADS"
    drive "append-verify-$suite" io.trustspace.bench.LedgerAppendDriver \
      --mode verify --suite "$suite" --records "$RECORDS" --threads "$THREADS"
  fi
  if has e2e; then
    drive "append-outbox-e2e-$suite" io.trustspace.bench.LedgerAppendDriver \
      --mode outbox-e2e --suite "$suite" --records "$RECORDS" --threads "$THREADS"
  fi
  if has audit; then
    drive "tile-audit-$suite" io.trustspace.bench.TileAuditDriver \
      --suite "$suite" --entries "$AUDIT_ENTRIES" --runs 3
  fi
done

if has jmh; then
  echo "== jmh: java -jar $JAR 'io.trustspace.bench.(Proof|Signature)Benchmark' $JMH_ARGS" | tee "$OUT/jmh.txt"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  java -jar "$JAR" 'io.trustspace.bench.(Proof|Signature)Benchmark' $JMH_ARGS \
    -rf json -rff "$OUT/jmh.json" 2>&1 | tee -a "$OUT/jmh.txt"
fi

grep -h '^RESULT' "$OUT"/*.txt > "$OUT/summary.txt" || true
echo "== results in $OUT"
cat "$OUT/summary.txt"

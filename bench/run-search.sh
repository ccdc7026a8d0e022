#!/usr/bin/env bash
# Runs the catalog search benchmark (Lucene smartcn vs PostgreSQL tsvector, ADR 0006) with the parameters
# docs/benchmarks.md reports, writing the raw output under bench/results/<UTC timestamp>/ (git-ignored) and the RESULT
# lines into summary.txt there. About 5 minutes on 2 cores (most of it the PostgreSQL queries).
#
#   bench/run-search.sh                 the full measurement: 100,000 documents, 2,000 measured queries per engine
#   QUICK=1 bench/run-search.sh         a short smoke run: 10,000 documents, 500 queries
#
# Environment knobs: DOCUMENTS (100000), QUERIES (2000), WARMUP (1000), ENGINES (lucene,postgres),
# JAVA_OPTS (-Xms2g -Xmx2g), REBUILD=1 (rebuild the jar even if it exists).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=bench/target/benchmarks.jar
DOCUMENTS=${DOCUMENTS:-100000}
QUERIES=${QUERIES:-2000}
WARMUP=${WARMUP:-1000}
ENGINES=${ENGINES:-lucene,postgres}
JAVA_OPTS=${JAVA_OPTS:--Xms2g -Xmx2g}
if [[ "${QUICK:-0}" == 1 ]]; then
  DOCUMENTS=10000
  QUERIES=500
  WARMUP=200
fi

if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
  ./mvnw -q -B -pl bench -am package -DskipTests -DskipITs
fi

OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-search"
mkdir -p "$OUT"
{
  echo "date: $(date -u)"
  echo "nproc: $(nproc)"
  lscpu | grep 'Model name' || true
  free -g
  java -version 2>&1
  echo "kernel: $(uname -r)"
  echo "load: $(uptime)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "DOCUMENTS=$DOCUMENTS QUERIES=$QUERIES WARMUP=$WARMUP ENGINES=$ENGINES JAVA_OPTS='$JAVA_OPTS'"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

ARGS=(--documents "$DOCUMENTS" --queries "$QUERIES" --warmup "$WARMUP" --engines "$ENGINES")
echo "== search: java $JAVA_OPTS -cp $JAR io.trustspace.bench.SearchBenchmark ${ARGS[*]}" | tee "$OUT/search.txt"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
java $JAVA_OPTS -cp "$JAR" io.trustspace.bench.SearchBenchmark "${ARGS[@]}" 2>&1 | tee -a "$OUT/search.txt"

grep -h '^RESULT' "$OUT/search.txt" | sort -u > "$OUT/summary.txt" || true
echo "== results in $OUT"
cat "$OUT/summary.txt"
echo "load after: $(uptime)"

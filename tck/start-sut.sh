#!/usr/bin/env bash
# Starts a TrustSpace connector as the DSP TCK's system under test on 127.0.0.1:8282 (tck/trustspace.tck.properties)
# and waits until it is healthy. Prints the PID on stdout; stop it with `kill <pid>`.
#
#   tck/start-sut.sh [DATA_DIR]     DATA_DIR defaults to a new temporary folder (embedded PostgreSQL lives there)
#
# The connector runs the explicit interop profile (any Authorization header = participant TCK_PARTICIPANT), calls
# itself CONNECTOR_UNDER_TEST in DSP messages and loads the TCK's seed data. Never use these settings in a space.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${TRUSTSPACE_JAR:-$ROOT/app/target/trustspace.jar}"
PORT="${TCK_SUT_PORT:-8282}"
DATA="${1:-$(mktemp -d "${TMPDIR:-/tmp}/trustspace-tck-sut.XXXXXX")}"
LOG="$DATA/sut.log"

if [[ ! -f "$JAR" ]]; then
  (cd "$ROOT" && ./mvnw -q -B -pl app -am package -DskipTests -DskipITs) >&2
fi
mkdir -p "$DATA"
PASSFILE="$DATA/passphrase"
[[ -f "$PASSFILE" ]] || { head -c 24 /dev/urandom | base64 > "$PASSFILE"; chmod 600 "$PASSFILE"; }

# Spring Boot reads these environment variables as trustspace.* properties (relaxed binding).
TRUSTSPACE_KEY_PASSPHRASEFILE="$PASSFILE" \
TRUSTSPACE_NODE_PUBLICURL="http://127.0.0.1:$PORT" \
TRUSTSPACE_DSP_INTEROPPARTICIPANT=TCK_PARTICIPANT \
TRUSTSPACE_DSP_PARTICIPANTID=CONNECTOR_UNDER_TEST \
TRUSTSPACE_DSP_TCKSEED=true \
TRUSTSPACE_DSP_STEPDELAY=500ms \
TRUSTSPACE_DSP_MESSAGEGAP=300ms \
  nohup java -Xmx512m -jar "$JAR" connector --name tck-sut --port "$PORT" --data-dir "$DATA/db" > "$LOG" 2>&1 &
PID=$!

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then
    echo "$PID"
    exit 0
  fi
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "the connector exited; see $LOG" >&2
    tail -30 "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "the connector did not become healthy within 120 s; see $LOG" >&2
kill "$PID" 2>/dev/null || true
exit 1

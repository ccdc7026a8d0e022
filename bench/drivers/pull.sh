#!/usr/bin/env bash
# 1 GiB pull through the whole stack, against raw loopback TCP measured in the same run. Called by
# bench/negotiations.sh with PULL_GIB set: pull.sh WORK PORT_BASE GIB
#   - the provider registers a GIB-sized file, the reviewer lists it, the consumer negotiates and starts a pull;
#   - the provider's data plane hashes a stored file ahead of its pulls once its timestamps have settled
#     (SourceHasher, ADR 0010); the script waits for that (bounded: 2 s to settle, then 3 s per GiB);
#   - the DSP way first: endpoint and token from GET /api/v1/transfers/{id}/data-address, curl straight to the
#     provider's data plane (its own port in the demo, ADR 0010); after four untimed 128 MiB range reads to warm the
#     JIT, the whole file, timed: the first read of this file;
#   - the consumer reads it through its connector (provider data plane → consumer connector → curl), timed;
#   - the DSP way again, three times, timed: the provider records the digest it established for this version;
#   - the file rewritten in place (a new version nobody hashed yet) and pulled at once, timed: it is hashed while
#     it is sent, the slow path;
#   - which digest each pull's transfer.delivered record carries (digestOf: source-version or stream), read from the
#     operator's ledger and the provider's kept payloads;
#   - each with the CPU seconds the demo JVM used meanwhile (DEMO_PID, set by bench/negotiations.sh);
#   - loopback TCP: the same number of bytes through one socket pair (python), before, between and after the pulls;
#   - the demo JVM's heap is sampled throughout (all three nodes live in it).
set -euo pipefail
WORK="$1"; PB="$2"; GIB="${3:-1}"
OP="http://127.0.0.1:$PB"; PROV="http://127.0.0.1:$((PB + 1))"; CONS="http://127.0.0.1:$((PB + 2))"
CRED="$WORK/demo/demo-credentials.properties"
PK="$(grep '^PROVIDER_ADMIN=' "$CRED" | cut -d= -f2-)"; CK="$(grep '^CONSUMER_ADMIN=' "$CRED" | cut -d= -f2-)"
RP="$(grep '^reviewer.password=' "$CRED" | cut -d= -f2-)"
BYTES=$((GIB * 1024 * 1024 * 1024))
FILE="$WORK/bulk.bin"
head -c "$BYTES" /dev/urandom > "$FILE"

python3 - "$OP" "$PROV" "$CONS" "$PK" "$CK" "$RP" "$FILE" <<'PY'
import base64, json, sys, time, urllib.request
op, prov, cons, pk, ck, rp, path = sys.argv[1:]
def call(method, url, key=None, body=None, basic=None):
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), method=method)
    if key: req.add_header("X-Api-Key", key)
    if basic: req.add_header("Authorization", "Basic " + base64.b64encode(basic.encode()).decode())
    if body is not None: req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")
meta = call("GET", prov + "/api/v1/resources/ev-charging-sessions", pk)["metadata"]
meta["title"] = {"zh": "批量传输测试数据", "en": "Bulk transfer test data"}
meta["distributions"] = [{"format": "BIN", "mediaType": "application/octet-stream", "accessMethod": "DOWNLOAD"}]
call("POST", prov + "/api/v1/resources", pk, {"localId": "bulk-gib", "kind": "DATASET", "metadata": meta,
     "offers": [{"@id": "bulk-gib:offer:open", "@type": "Offer", "permission": [{"action": "use"}]}],
     "dataAddress": {"type": "File", "endpoint": path}})
call("POST", prov + "/api/v1/resources/bulk-gib/submit", pk, {})
for r in call("GET", op + "/api/v1/review/resources", basic="reviewer:" + rp):
    if r["localId"] == "bulk-gib":
        call("POST", op + "/api/v1/review/resources/" + r["id"] + "/list", body={"reason": "bench"}, basic="reviewer:" + rp)
call("POST", prov + "/api/v1/resources/sync", pk, {})
dsp = prov + "/dsp/2025-1"
catalog = call("POST", cons + "/api/v1/catalogs/request", ck, {"counterPartyAddress": dsp})
offer = [d for d in catalog["dataset"] if d["@id"] == "bulk-gib"][0]["hasPolicy"][0]
did = "did:web:" + prov.split("://")[1].replace(":", "%3A")
n = call("POST", cons + "/api/v1/negotiations", ck, {"counterPartyAddress": dsp, "counterPartyId": did,
         "datasetId": "bulk-gib", "offer": offer})
for _ in range(300):
    v = call("GET", cons + "/api/v1/negotiations/" + n["id"], ck)
    if v["state"] in ("FINALIZED", "TERMINATED"): break
    time.sleep(0.1)
t = call("POST", cons + "/api/v1/transfers", ck, {"agreementId": v["agreementId"], "counterPartyAddress": dsp,
         "counterPartyId": did, "format": "HttpData-PULL"})
for _ in range(300):
    s = call("GET", cons + "/api/v1/transfers/" + t["id"], ck)
    if s["state"] == "STARTED": break
    time.sleep(0.1)
open(path + ".transfer", "w").write(t["id"])
open(path + ".agreement", "w").write(v["agreementId"])
PY
TRANSFER="$(cat "$FILE.transfer")"
AGREEMENT="$(cat "$FILE.agreement")"
STORED_AT=$(date +%s)

heap() {
  curl -s "$OP/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%d", s/1048576}'
}
# What survives collections (old generation after the last GC): unlike the used heap it does not count garbage.
live() {
  curl -s "$OP/actuator/prometheus" | awk '/^jvm_gc_live_data_size_bytes/ {s+=$NF} END {printf "%d", s/1048576}'
}
HEAP_BEFORE=$(heap)
LIVE_BEFORE=$(live)
( while true; do heap; echo; sleep 0.5; done ) > "$WORK/heap.samples" 2>/dev/null &
SAMPLER=$!
# CPU seconds the demo JVM (all three nodes) has used so far, when bench/negotiations.sh says which process it is.
cpu() {
  if [[ -n "${DEMO_PID:-}" && -r "/proc/$DEMO_PID/stat" ]]; then
    awk -v tck="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tck}' "/proc/$DEMO_PID/stat"
  else
    echo 0
  fi
}
# timed NAME curl-arguments...: one GET to /dev/null; leaves "code bytes seconds cpu_seconds" in $WORK/NAME.out
timed() {
  local name="$1"; shift
  local c0 t0 t1 c1 out
  c0=$(cpu); t0=$(date +%s.%N)
  out=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$@")
  t1=$(date +%s.%N); c1=$(cpu)
  echo "$out $(python3 -c "print(f'{$t1 - $t0:.3f} {$c1 - $c0:.2f}')")" > "$WORK/$name.out"
}
# Raw loopback TCP for the same number of bytes: one socket pair, 1 MiB send/recv_into, MiB/s on stdout.
loopback() {
  python3 - "$BYTES" <<'PY'
import socket, sys, threading, time
total = int(sys.argv[1])
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(1)
port = server.getsockname()[1]
def sink():
    conn, _ = server.accept(); buf = bytearray(1 << 20); got = 0
    while got < total:
        n = conn.recv_into(buf)
        if not n: break
        got += n
    conn.close()
t = threading.Thread(target=sink); t.start()
client = socket.create_connection(("127.0.0.1", port)); chunk = b"\0" * (1 << 20); sent = 0
began = time.monotonic()
while sent < total:
    sent += client.send(chunk[: min(len(chunk), total - sent)])
client.close(); t.join()
print(f"{total / (time.monotonic() - began) / 1048576:.0f}")
PY
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR + 1) / 2)]}'; }
rate() { python3 -c "print(f'{$1 / $2 / 1048576:.0f}')"; }
# The DSP way first: the consumer's application takes the endpoint and token from its connector and pulls straight
# from the provider's data plane (one HTTP hop). The first read of this version of the file hashes what it sends;
# later reads of the same unchanged range reuse that digest (ADR 0010). The machine's loopback speed drifts by a
# factor of two within a minute here, so loopback is measured between the pulls, three times, and the repeated
# pull three times: the ratio is median against median, and against the fastest loopback seen.
ADDRESS="$(curl -s -H "X-Api-Key: $CK" "$CONS/api/v1/transfers/$TRANSFER/data-address")"
ENDPOINT="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["endpoint"])' "$ADDRESS")"
TOKEN="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["authorization"])' "$ADDRESS")"
L1=$(loopback)
# Hashed ahead: 2 s for the file's timestamps to settle, then about 0.6 CPU-s per GiB here; bounded either way.
sleep "$(python3 -c "print(max(0, $STORED_AT + 2 + 3 * $GIB - $(date +%s)))")"
# JIT warm-up, as the negotiation driver has WARMUP_S: four reads of the file's first 128 MiB. A range's digest is
# kept apart from the whole file's, so the first timed pull is still the first read of the whole stored file. The
# first read hashes what it sends; the other three send with the remembered range digest, the path timed below.
for _ in 1 2 3 4; do
  curl -s -o /dev/null -H "Authorization: $TOKEN" -H "X-Purpose: research" -H "Range: bytes=0-134217727" "$ENDPOINT"
done
timed first -H "Authorization: $TOKEN" -H "X-Purpose: research" "$ENDPOINT"
timed pull -H "X-Api-Key: $CK" -H "X-Purpose: research" "$CONS/api/v1/transfers/$TRANSFER/data"
L2=$(loopback)
DIRECTS=()
for i in 1 2 3; do
  timed "direct$i" -H "Authorization: $TOKEN" -H "X-Purpose: research" "$ENDPOINT"
  read -r DCODE DSIZE DSECS DCPU < "$WORK/direct$i.out"
  echo "direct pull again #$i (digest of the unchanged source version): HTTP $DCODE, $DSIZE bytes in $DSECS s = $(rate "$DSIZE" "$DSECS") MiB/s, demo JVM CPU $DCPU s"
  DIRECTS+=("$(rate "$DSIZE" "$DSECS")")
done
L3=$(loopback)
# A new version of the file, pulled at once: nobody has hashed it, so it is hashed while it is sent.
head -c "$BYTES" /dev/urandom > "$FILE.next" && mv "$FILE.next" "$FILE"
timed changed -H "Authorization: $TOKEN" -H "X-Purpose: research" "$ENDPOINT"
L4=$(loopback)
kill $SAMPLER 2>/dev/null || true
HEAP_MAX=$(sort -n "$WORK/heap.samples" | tail -1)
HEAP_AFTER=$(heap)
LIVE_AFTER=$(live)
read -r FCODE FSIZE FSECS FCPU < "$WORK/first.out"
read -r CCODE CSIZE CSECS CCPU < "$WORK/changed.out"
read -r CODE SIZE SECS CPU < "$WORK/pull.out"

LOOPBACK=$(median "$L1" "$L2" "$L3" "$L4")
FASTEST=$(printf '%s\n' "$L1" "$L2" "$L3" "$L4" | sort -n | tail -1)
FIRST=$(rate "$FSIZE" "$FSECS"); PULL=$(rate "$SIZE" "$SECS"); DIRECT=$(median "${DIRECTS[@]}")
CHANGED=$(rate "$CSIZE" "$CSECS")
# digestOf of each transfer.delivered about the agreement, in ledger order (the ledger fills asynchronously).
DIGESTS_OF="$(python3 - "$OP" "$PROV" "$PK" "$AGREEMENT" <<'PY'
import json, sys, time, urllib.parse, urllib.request
op, prov, pk, agreement = sys.argv[1:]
def get(url, key=None):
    req = urllib.request.Request(url)
    if key: req.add_header("X-Api-Key", key)
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())
found = []
for _ in range(60):
    history = get(op + "/ledger/v1/subjects/" + urllib.parse.quote(agreement, safe="") + "/history")["records"]
    found = [e["record"]["id"] for e in history if e["record"]["type"] == "transfer.delivered"]
    if len(found) >= 10: break
    time.sleep(0.5)
# The four warm-up reads come first.
print(",".join(get(prov + "/api/v1/evidence/" + i, pk)["payload"].get("digestOf", "?") for i in found[4:]))
PY
)"
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
echo "direct pull, first read of the stored file: HTTP $FCODE, $FSIZE bytes in $FSECS s = $FIRST MiB/s, demo JVM CPU $FCPU s"
echo "direct pull of the file rewritten just before (hashed while sent): HTTP $CCODE, $CSIZE bytes in $CSECS s = $CHANGED MiB/s, demo JVM CPU $CCPU s"
echo "digestOf in the provider's transfer.delivered records (first, read-through, 3 repeated, rewritten): $DIGESTS_OF"
echo "pull through the consumer connector: HTTP $CODE, $SIZE bytes in $SECS s = $PULL MiB/s, demo JVM CPU $CPU s"
echo "direct pull again, median of 3: $DIRECT MiB/s"
echo "loopback TCP (python, one socket, same run; before, between, between, after): $L1 $L2 $L3 $L4 MiB/s, median $LOOPBACK"
echo "heap of the demo JVM (3 nodes): used before $HEAP_BEFORE MiB, max during $HEAP_MAX MiB, after $HEAP_AFTER MiB; live after GC before $LIVE_BEFORE MiB, after $LIVE_AFTER MiB"
echo "RESULT direct_pull_mib_s=$DIRECT direct_ratio=$(ratio "$DIRECT" "$LOOPBACK") direct_ratio_to_fastest=$(ratio "$DIRECT" "$FASTEST") first_pull_mib_s=$FIRST first_ratio=$(ratio "$FIRST" "$LOOPBACK") changed_pull_mib_s=$CHANGED changed_ratio=$(ratio "$CHANGED" "$LOOPBACK") read_through_mib_s=$PULL read_through_ratio=$(ratio "$PULL" "$LOOPBACK") loopback_mib_s=$LOOPBACK heap_before_mb=$HEAP_BEFORE heap_max_mb=$HEAP_MAX live_before_mb=$LIVE_BEFORE live_after_mb=$LIVE_AFTER status=$FCODE/$CODE/$DCODE/$CCODE"

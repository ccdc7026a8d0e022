#!/usr/bin/env bash
# 1 GiB pull through the whole stack, against raw loopback TCP measured in the same run. Called by
# bench/negotiations.sh with PULL_GIB set: pull.sh WORK PORT_BASE GIB
#   - the provider registers a GIB-sized file, the reviewer lists it, the consumer negotiates and starts a pull;
#   - the consumer reads it through its connector (provider data plane → consumer connector → curl), timed;
#   - then reads it the DSP way: endpoint and token from GET /api/v1/transfers/{id}/data-address, curl straight to
#     the provider's data plane, timed;
#   - loopback TCP: the same number of bytes through one socket between two processes (python, sendfile);
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
PY
TRANSFER="$(cat "$FILE.transfer")"

heap() {
  curl -s "$OP/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%d", s/1048576}'
}
HEAP_BEFORE=$(heap)
( while true; do heap; echo; sleep 0.5; done ) > "$WORK/heap.samples" 2>/dev/null &
SAMPLER=$!
START=$(date +%s.%N)
curl -s -o /dev/null -H "X-Api-Key: $CK" -H "X-Purpose: research" -w '%{http_code} %{size_download}\n' \
  "$CONS/api/v1/transfers/$TRANSFER/data" > "$WORK/pull.out"
END=$(date +%s.%N)
# The same transfer read the DSP way: the consumer's application takes the endpoint and token from its connector
# and pulls straight from the provider's data plane (one HTTP hop).
ADDRESS="$(curl -s -H "X-Api-Key: $CK" "$CONS/api/v1/transfers/$TRANSFER/data-address")"
ENDPOINT="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["endpoint"])' "$ADDRESS")"
TOKEN="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["authorization"])' "$ADDRESS")"
DSTART=$(date +%s.%N)
curl -s -o /dev/null -H "Authorization: $TOKEN" -H "X-Purpose: research" -w '%{http_code} %{size_download}\n' \
  "$ENDPOINT" > "$WORK/direct.out"
DEND=$(date +%s.%N)
kill $SAMPLER 2>/dev/null || true
HEAP_MAX=$(sort -n "$WORK/heap.samples" | tail -1)
HEAP_AFTER=$(heap)
read -r CODE SIZE < "$WORK/pull.out"
read -r DCODE DSIZE < "$WORK/direct.out"

LOOPBACK=$(python3 - "$BYTES" <<'PY'
import os, socket, sys, threading, time
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
)
PULL=$(python3 -c "print(f'{$SIZE / ($END - $START) / 1048576:.0f}')")
DIRECT=$(python3 -c "print(f'{$DSIZE / ($DEND - $DSTART) / 1048576:.0f}')")
echo "pull: HTTP $CODE, $SIZE bytes in $(python3 -c "print(f'{$END - $START:.2f}')") s = $PULL MiB/s through provider data plane + consumer connector"
echo "direct pull: HTTP $DCODE, $DSIZE bytes in $(python3 -c "print(f'{$DEND - $DSTART:.2f}')") s = $DIRECT MiB/s from the provider's data plane (token from the consumer's connector)"
echo "loopback TCP (python, one socket, same run): $LOOPBACK MiB/s"
echo "heap of the demo JVM (3 nodes): before $HEAP_BEFORE MiB, max during $HEAP_MAX MiB, after $HEAP_AFTER MiB"
echo "RESULT direct_pull_mib_s=$DIRECT direct_ratio=$(python3 -c "print(f'{$DIRECT / $LOOPBACK:.2f}')") read_through_mib_s=$PULL read_through_ratio=$(python3 -c "print(f'{$PULL / $LOOPBACK:.2f}')") loopback_mib_s=$LOOPBACK heap_before_mb=$HEAP_BEFORE heap_max_mb=$HEAP_MAX bytes=$DSIZE/$SIZE status=$DCODE/$CODE"

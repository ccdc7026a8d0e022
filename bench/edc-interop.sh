#!/usr/bin/env bash
# DSP 2025-1 interoperability with Eclipse EDC 0.15.1 (../shared/peers/edc), on 127.0.0.1 only.
#
#   bench/edc-interop.sh            builds what is missing, starts one EDC connector and one TrustSpace connector,
#                                   runs both directions, stops everything it started, and ends with
#   RESULT edc_to_trustspace=PASS|FAIL trustspace_to_edc=PASS|FAIL
#
# edc_to_trustspace: EDC (consumer) fetches our DSP catalog, negotiates our offer to FINALIZED, starts an
#   HttpData-PULL transfer and pulls the bytes from our data plane with the EDR our TransferStartMessage carried.
# trustspace_to_edc: we (consumer) take the offer from EDC's DSP catalog, negotiate it to FINALIZED, start an
#   HttpData-PULL transfer and read the data through GET /api/v1/transfers/{id}/data (EDC's harness pull relay).
#
# Our connector runs the explicit interop profile: TRUSTSPACE_DSP_INTEROPPARTICIPANT='*' (each caller is the
# clientId of its iam-mock token) and an interop seed file with one LISTED asset. Never use these in a space.
#
# Our data plane has its own port (ADR 0010), so EDC pulls from a second port of ours, as in a real deployment.
#
# Env: EDC_PB=19500 (EDC ports EDC_PB..+4)  TS_PORT=19580  TS_DATA_PLANE_PORT=19581  DATA_PORT=19590  EDC_WORK=/tmp/trustspace-edc-peer
#      TRUSTSPACE_JAR=<jar> (default: build app/target/trustspace.jar if missing)  STEP_TIMEOUT_S=60  KEEP=1
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDC_HARNESS="${EDC_HARNESS:-$(cd "$ROOT/../shared/peers/edc" 2>/dev/null && pwd)}"
export EDC_WORK="${EDC_WORK:-${TMPDIR:-/tmp}/trustspace-edc-peer}"
EDC_PB=${EDC_PB:-19500}
TS_PORT=${TS_PORT:-19580}
TS_DATA_PLANE_PORT=${TS_DATA_PLANE_PORT:-19581}
DATA_PORT=${DATA_PORT:-19590}
STEP_TIMEOUT_S=${STEP_TIMEOUT_S:-60}
EDC_NAME=edc-interop            # EDC's participant id (start.sh uses NAME as edc.participant.id)
TS_ID=trustspace-interop        # what our connector calls itself in DSP messages
H=127.0.0.1
PROTO="dataspace-protocol-http:2025-1"
EDC_MGMT="http://$H:$((EDC_PB + 2))/management"
EDC_DSP="http://$H:$((EDC_PB + 3))/protocol/2025-1"
TS="http://$H:$TS_PORT"
TS_DSP="$TS/dsp/2025-1"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ts-edc-interop.XXXXXX")"
TS_PID=""
DATA_PID=""
EDC_STARTED=0
E2T=FAIL
T2E=FAIL

log() { printf '[%s] %s\n' "$(date +%H:%M:%S.%3N)" "$*"; }
# curl with hard timeouts, loopback only. Usage: c METHOD URL [BODY] [extra curl args...]
c() {
  local method=$1 url=$2 body=${3:-}
  shift 3 2>/dev/null || shift $#
  case "$url" in "http://$H:"*) ;; *) echo "refusing non-loopback URL $url" >&2; return 2 ;; esac
  if [[ -n "$body" ]]; then
    curl -sS --max-time 30 -X "$method" "$url" -H 'Content-Type: application/json' --data-binary "$body" "$@"
  else
    curl -sS --max-time 30 -X "$method" "$url" "$@"
  fi
}
ts() { c "$1" "$TS$2" "${3:-}" -H "X-Api-Key: $API_KEY"; }

cleanup() {
  if [[ "${KEEP:-0}" == 1 ]]; then log "KEEP=1: leaving TS pid $TS_PID, data pid $DATA_PID, EDC $EDC_NAME, $WORK"; return; fi
  [[ -n "$TS_PID" ]] && kill "$TS_PID" 2>/dev/null && for _ in $(seq 1 100); do kill -0 "$TS_PID" 2>/dev/null || break; sleep 0.2; done
  [[ -n "$TS_PID" ]] && kill -0 "$TS_PID" 2>/dev/null && kill -9 "$TS_PID" 2>/dev/null
  [[ -n "$DATA_PID" ]] && kill "$DATA_PID" 2>/dev/null
  (( EDC_STARTED )) && bash "$EDC_HARNESS/edc-peer.sh" stop "$EDC_NAME" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/$H/$1") 2>/dev/null; }

# poll URL_FUNC until jq expression .state matches WANT (regex) or a terminal state; prints the final body
wait_for() {  # wait_for LABEL WANT CMD...
  local label=$1 want=$2; shift 2
  local deadline=$(( $(date +%s) + STEP_TIMEOUT_S )) body st=""
  while (( $(date +%s) < deadline )); do
    body=$("$@" 2>/dev/null); st=$(jq -r '.state // empty' <<<"$body" 2>/dev/null)
    if [[ "$st" =~ ^($want)$ ]]; then LAST="$body"; return 0; fi
    [[ "$st" == TERMINATED ]] && break
    sleep 0.3
  done
  LAST="$body"; log "  $label: state ${st:-none} (wanted $want)"; return 1
}

fail_e2t() { log "edc_to_trustspace FAILED at: $1"; shift; for x in "$@"; do printf '    %s\n' "$(head -c 2000 <<<"$x")"; done
  log "  last TrustSpace log lines:"; grep -iE 'warn|error|refus|invalid|dsp' "$WORK/ts.log" | tail -15 | sed 's/^/    /'
  log "  last EDC log lines:"; tail -15 "$EDC_WORK/run/$EDC_NAME/connector.log" 2>/dev/null | sed 's/^/    /'; }
fail_t2e() { log "trustspace_to_edc FAILED at: $1"; shift; for x in "$@"; do printf '    %s\n' "$(head -c 2000 <<<"$x")"; done
  log "  last TrustSpace log lines:"; grep -iE 'warn|error|refus|invalid|dsp' "$WORK/ts.log" | tail -15 | sed 's/^/    /'
  log "  last EDC log lines:"; tail -15 "$EDC_WORK/run/$EDC_NAME/connector.log" 2>/dev/null | sed 's/^/    /'; }

finish() { echo "RESULT edc_to_trustspace=$E2T trustspace_to_edc=$T2E"; exit 0; }

# ---------------------------------------------------------------- setup
[[ -n "$EDC_HARNESS" && -x "$EDC_HARNESS/edc-peer.sh" ]] || { log "EDC harness not found (../shared/peers/edc)"; finish; }
for p in $EDC_PB $((EDC_PB + 1)) $((EDC_PB + 2)) $((EDC_PB + 3)) $((EDC_PB + 4)) "$TS_PORT" "$DATA_PORT"; do
  port_free "$p" || { log "port $H:$p is already in use; set EDC_PB / TS_PORT / DATA_PORT"; finish; }
done

log "build EDC peer (once, into $EDC_WORK)"
timeout 900 bash "$EDC_HARNESS/edc-peer.sh" build || { log "EDC build failed"; finish; }

JAR_SRC="${TRUSTSPACE_JAR:-$ROOT/app/target/trustspace.jar}"
if [[ ! -f "$JAR_SRC" ]]; then
  log "build TrustSpace jar"
  (cd "$ROOT" && timeout 900 ./mvnw -o -q -B -pl app -am package -DskipTests -DskipITs) || { log "build failed"; finish; }
fi
cp "$JAR_SRC" "$WORK/trustspace.jar"   # other builds may overwrite the original while we run

# data: our provider's file, and EDC's provider backend (served over HTTP on loopback)
mkdir -p "$WORK/www"
python3 - "$WORK/ts-data.json" "$WORK/www/edc-data.json" <<'PY'
import json, os, sys
json.dump({"from": "trustspace", "nonce": os.urandom(8).hex(), "rows": [[i, i * i] for i in range(200)]}, open(sys.argv[1], "w"))
json.dump({"from": "edc", "nonce": os.urandom(8).hex(), "rows": [[i, i * 3] for i in range(200)]}, open(sys.argv[2], "w"))
PY
(cd "$WORK/www" && exec python3 -m http.server "$DATA_PORT" --bind "$H") > "$WORK/datasrv.log" 2>&1 &
DATA_PID=$!

cat > "$WORK/interop-seed.json" <<JSON
{"assets": [{"id": "interop-hello", "title": "interop dataset", "file": "$WORK/ts-data.json",
             "offers": [{"@id": "interop-hello:offer:1", "permission": [{"action": "use"}]}]}]}
JSON

log "start EDC connector '$EDC_NAME' (PORTBASE $EDC_PB)"
EDC_STARTED=1
bash "$EDC_HARNESS/edc-peer.sh" start "$EDC_NAME" "$EDC_PB" 2>&1 | sed 's/^/    /'
curl -sf --max-time 3 "http://$H:$EDC_PB/api/check/health" | grep -q '"isSystemHealthy":true' || { log "EDC did not start"; finish; }

log "start TrustSpace connector on $TS (interop profile, participant id $TS_ID)"
API_KEY=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
head -c 24 /dev/urandom | base64 > "$WORK/passphrase"; chmod 600 "$WORK/passphrase"
TRUSTSPACE_KEY_PASSPHRASEFILE="$WORK/passphrase" \
TRUSTSPACE_NODE_PUBLICURL="$TS" \
TRUSTSPACE_DATAPLANE_PORT="$TS_DATA_PLANE_PORT" \
TRUSTSPACE_DSP_INTEROPPARTICIPANT='*' \
TRUSTSPACE_DSP_PARTICIPANTID="$TS_ID" \
TRUSTSPACE_DSP_INTEROPSEEDFILE="$WORK/interop-seed.json" \
TRUSTSPACE_SECURITY_APIKEYS_0_NAME=admin \
TRUSTSPACE_SECURITY_APIKEYS_0_SHA256="$(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)" \
TRUSTSPACE_SECURITY_APIKEYS_0_ROLES=participant-admin \
  java -Xmx512m -jar "$WORK/trustspace.jar" connector --name edc-interop --port "$TS_PORT" --data-dir "$WORK/db" \
  > "$WORK/ts.log" 2>&1 < /dev/null &
TS_PID=$!
for _ in $(seq 1 180); do
  curl -fsS --max-time 2 "$TS/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$TS_PID" 2>/dev/null || break
  sleep 0.5
done
curl -fsS --max-time 2 "$TS/actuator/health" >/dev/null 2>&1 || { log "TrustSpace did not start"; tail -30 "$WORK/ts.log"; finish; }
log "  TrustSpace ready (pid $TS_PID)"

# ---------------------------------------------------------------- edc_to_trustspace
e2t() {
  local R OFFER NEG AG TP EDR EP TOKEN
  log "▶ edc_to_trustspace: EDC fetches our catalog ($TS_DSP)"
  R=$(c POST "$EDC_MGMT/v3/catalog/request" "$(jq -n --arg a "$TS_DSP" --arg id "$TS_ID" --arg p "$PROTO" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@type": "CatalogRequest",
      "counterPartyAddress": $a, "counterPartyId": $id, "protocol": $p, "querySpec": {"offset": 0, "limit": 50}}')")
  OFFER=$(jq -c '[.dataset // .["dcat:dataset"]] | flatten | map(select(. != null and .["@id"] == "interop-hello"))
      | .[0] | [.hasPolicy // .["odrl:hasPolicy"]] | flatten | .[0] // empty' <<<"$R" 2>/dev/null)
  [[ -n "$OFFER" ]] || { fail_e2t "catalog (no offer for interop-hello)" "$R"; return 1; }
  log "  offer $(jq -r '.["@id"]' <<<"$OFFER")"

  log "▶ edc_to_trustspace: EDC negotiates"
  R=$(c POST "$EDC_MGMT/v3/contractnegotiations" "$(jq -n --arg a "$TS_DSP" --arg p "$PROTO" --arg id "$TS_ID" \
      --arg o "$(jq -r '.["@id"]' <<<"$OFFER")" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@type": "ContractRequest",
      "counterPartyAddress": $a, "protocol": $p,
      "policy": {"@context": "http://www.w3.org/ns/odrl.jsonld", "@id": $o, "@type": "Offer",
                 "assigner": $id, "target": "interop-hello", "permission": [{"action": "use"}]}}')")
  NEG=$(jq -r '.["@id"] // empty' <<<"$R" 2>/dev/null)
  [[ -n "$NEG" ]] || { fail_e2t "negotiation request" "$R"; return 1; }
  wait_for "EDC negotiation $NEG" FINALIZED c GET "$EDC_MGMT/v3/contractnegotiations/$NEG" || {
    fail_e2t "negotiation FINALIZED" "$LAST"; return 1; }
  AG=$(jq -r '.contractAgreementId' <<<"$LAST")
  log "  FINALIZED, agreement $AG"

  log "▶ edc_to_trustspace: EDC starts HttpData-PULL transfer"
  R=$(c POST "$EDC_MGMT/v3/transferprocesses" "$(jq -n --arg a "$TS_DSP" --arg p "$PROTO" --arg id "$TS_ID" --arg ag "$AG" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@type": "TransferRequest",
      "counterPartyAddress": $a, "connectorId": $id, "protocol": $p, "contractId": $ag, "transferType": "HttpData-PULL"}')")
  TP=$(jq -r '.["@id"] // empty' <<<"$R" 2>/dev/null)
  [[ -n "$TP" ]] || { fail_e2t "transfer request" "$R"; return 1; }
  wait_for "EDC transfer $TP" STARTED c GET "$EDC_MGMT/v3/transferprocesses/$TP" || {
    fail_e2t "transfer STARTED" "$LAST"; return 1; }

  log "▶ edc_to_trustspace: read EDR and pull from our data plane"
  EDR=""; for _ in $(seq 1 50); do EDR=$(curl -sf --max-time 5 "$EDC_MGMT/harness/edrs/$TP/dataaddress"); [[ -n "$EDR" ]] && break; sleep 0.2; done
  [[ -n "$EDR" ]] || { fail_e2t "EDR lookup" "$(c GET "$EDC_MGMT/harness/edrs/$TP/dataaddress")"; return 1; }
  EP=$(jq -r '.endpoint // empty' <<<"$EDR"); TOKEN=$(jq -r '.authorization // empty' <<<"$EDR")
  log "  EDR endpoint $EP, token ${#TOKEN} chars"
  [[ -n "$EP" && -n "$TOKEN" ]] || { fail_e2t "EDR has no endpoint/authorization (EDC keeps only endpointType and" \
    "endpointProperties of our TransferStartMessage dataAddress; see bench/interop/dataplane-edc-endpoint.patch)" "$EDR"; return 1; }
  c GET "$EP" "" -H "Authorization: $TOKEN" -o "$WORK/e2t.pulled" -w '%{http_code}' > "$WORK/e2t.code"
  if cmp -s "$WORK/e2t.pulled" "$WORK/ts-data.json"; then
    log "  ✓ pulled $(wc -c < "$WORK/e2t.pulled") bytes, identical to our file"; return 0
  fi
  fail_e2t "pulled bytes differ (HTTP $(cat "$WORK/e2t.code"))" "$(head -c 600 "$WORK/e2t.pulled")"; return 1
}

# ---------------------------------------------------------------- trustspace_to_edc
t2e() {
  local SUF ASSET R OFFER NEG AG TP CODE
  SUF=$(date +%s%N | tail -c 7); ASSET="edc-asset-$SUF"
  log "▶ trustspace_to_edc: EDC provider asset $ASSET, policy, contract definition"
  R=$(c POST "$EDC_MGMT/v3/assets" "$(jq -n --arg id "$ASSET" --arg u "http://$H:$DATA_PORT/edc-data.json" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@id": $id,
      "properties": {"name": "edc interop dataset", "contenttype": "application/json"},
      "dataAddress": {"type": "HttpData", "baseUrl": $u}}')")
  [[ $(jq -r '.["@id"] // empty' <<<"$R" 2>/dev/null) == "$ASSET" ]] || { fail_t2e "EDC asset" "$R"; return 1; }
  R=$(c POST "$EDC_MGMT/v3/policydefinitions" "$(jq -n --arg id "policy-$SUF" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@id": $id,
      "policy": {"@context": "http://www.w3.org/ns/odrl.jsonld", "@type": "Set",
                 "permission": [{"action": "use"}], "prohibition": [], "obligation": []}}')")
  [[ $(jq -r '.["@id"] // empty' <<<"$R" 2>/dev/null) == "policy-$SUF" ]] || { fail_t2e "EDC policy" "$R"; return 1; }
  R=$(c POST "$EDC_MGMT/v3/contractdefinitions" "$(jq -n --arg id "cdef-$SUF" --arg p "policy-$SUF" --arg a "$ASSET" '{
      "@context": {"@vocab": "https://w3id.org/edc/v0.0.1/ns/"}, "@id": $id, "accessPolicyId": $p, "contractPolicyId": $p,
      "assetsSelector": [{"@type": "Criterion", "operandLeft": "https://w3id.org/edc/v0.0.1/ns/id", "operator": "=", "operandRight": $a}]}')")
  [[ $(jq -r '.["@id"] // empty' <<<"$R" 2>/dev/null) == "cdef-$SUF" ]] || { fail_t2e "EDC contract definition" "$R"; return 1; }

  log "▶ trustspace_to_edc: offer from EDC's DSP catalog ($EDC_DSP/catalog/request)"
  R=$(c POST "$EDC_DSP/catalog/request" '{"@context":["https://w3id.org/dspace/2025/1/context.jsonld"],"@type":"CatalogRequestMessage"}' \
      -H "Authorization: $(jq -cn --arg a "$EDC_DSP" --arg id "$TS_ID" '{region: "eu", audience: $a, clientId: $id}')")
  OFFER=$(jq -c --arg a "$ASSET" '[.dataset] | flatten | map(select(. != null and .["@id"] == $a)) | .[0]
      | [.hasPolicy] | flatten | .[0] // empty' <<<"$R" 2>/dev/null)
  [[ -n "$OFFER" ]] || { fail_t2e "EDC catalog (no offer for $ASSET)" "$R"; return 1; }
  log "  offer $(jq -r '.["@id"]' <<<"$OFFER")"

  log "▶ trustspace_to_edc: we negotiate (POST /api/v1/negotiations)"
  R=$(ts POST /api/v1/negotiations "$(jq -n --arg a "$EDC_DSP" --arg id "$EDC_NAME" --arg d "$ASSET" --argjson o "$OFFER" \
      '{counterPartyAddress: $a, counterPartyId: $id, datasetId: $d, offer: $o}')")
  NEG=$(jq -r '.id // empty' <<<"$R" 2>/dev/null)
  [[ -n "$NEG" ]] || { fail_t2e "negotiation request" "$R"; return 1; }
  wait_for "our negotiation $NEG" FINALIZED ts GET "/api/v1/negotiations/$NEG" || {
    fail_t2e "negotiation FINALIZED" "$LAST"; return 1; }
  AG=$(jq -r '.agreementId // .agreement["@id"] // .agreement.id // empty' <<<"$LAST")
  log "  FINALIZED, agreement $AG"
  [[ -n "$AG" ]] || { fail_t2e "agreement id" "$LAST"; return 1; }

  log "▶ trustspace_to_edc: we start an HttpData-PULL transfer (POST /api/v1/transfers)"
  R=$(ts POST /api/v1/transfers "$(jq -n --arg a "$EDC_DSP" --arg id "$EDC_NAME" --arg ag "$AG" \
      '{agreementId: $ag, counterPartyAddress: $a, counterPartyId: $id, format: "HttpData-PULL"}')")
  TP=$(jq -r '.id // empty' <<<"$R" 2>/dev/null)
  [[ -n "$TP" ]] || { fail_t2e "transfer request" "$R"; return 1; }
  wait_for "our transfer $TP" STARTED ts GET "/api/v1/transfers/$TP" || { fail_t2e "transfer STARTED" "$LAST"; return 1; }

  log "▶ trustspace_to_edc: read data (GET /api/v1/transfers/$TP/data)"
  CODE=$(curl -sS --max-time 30 -H "X-Api-Key: $API_KEY" "$TS/api/v1/transfers/$TP/data" -o "$WORK/t2e.pulled" -w '%{http_code}')
  if cmp -s "$WORK/t2e.pulled" "$WORK/www/edc-data.json"; then
    log "  ✓ read $(wc -c < "$WORK/t2e.pulled") bytes, identical to EDC's source"; return 0
  fi
  fail_t2e "data differs (HTTP $CODE)" "$(head -c 600 "$WORK/t2e.pulled")" "$LAST"; return 1
}

e2t && E2T=PASS
t2e && T2E=PASS
finish

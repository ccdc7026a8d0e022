#!/usr/bin/env python3
"""Negotiation load driver for two TrustSpace connectors (stdlib only).

Closed loop: CONCURRENCY workers each start a negotiation through the consumer's management API, wait until it is
FINALIZED or TERMINATED (polling its own negotiation), and start the next, until N negotiations are done. Latency is
the consumer's own record of the negotiation, created → FINALIZED (so the polling interval does not inflate it);
throughput is N over the wall time of the measured phase. Every wait is bounded.

Last line: RESULT negotiations_per_s=… p50_ms=… p99_ms=… failures=…
"""
import argparse
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import datetime


def call(method, url, key, body=None, timeout=30):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("X-Api-Key", key)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--consumer", required=True)
    parser.add_argument("--provider", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--dataset", default="ev-charging-sessions")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--poll-ms", type=int, default=50)
    parser.add_argument("--timeout-s", type=int, default=60)
    args = parser.parse_args()

    dsp = args.provider.rstrip("/") + "/dsp/2025-1"
    status, catalog = call("POST", args.consumer + "/api/v1/catalogs/request", args.key, {"counterPartyAddress": dsp})
    if status != 200:
        sys.exit(f"catalog request answered {status}: {catalog}")
    datasets = [d for d in catalog.get("dataset", []) if d.get("@id") == args.dataset]
    if not datasets:
        sys.exit(f"dataset {args.dataset} is not in the provider's catalog")
    offer = datasets[0]["hasPolicy"][0]
    host = args.provider.split("://", 1)[1].rstrip("/")
    provider_did = "did:web:" + host.replace(":", "%3A")
    request = {"counterPartyAddress": dsp, "counterPartyId": provider_did, "datasetId": args.dataset, "offer": offer}

    lock = threading.Lock()
    results = []  # (state, created, updated)
    failures = []

    def one():
        status, started = call("POST", args.consumer + "/api/v1/negotiations", args.key, request)
        if status != 201:
            return ("ERROR", None, None, f"start answered {status}: {str(started)[:200]}")
        nid = started["id"]
        deadline = time.monotonic() + args.timeout_s
        while time.monotonic() < deadline:
            status, view = call("GET", args.consumer + "/api/v1/negotiations/" + nid, args.key)
            if status == 200 and view["state"] in ("FINALIZED", "TERMINATED"):
                return (view["state"], instant(view["createdAt"]), instant(view["updatedAt"]),
                        ";".join(view.get("terminationReason") or []))
            time.sleep(args.poll_ms / 1000)
        return ("TIMEOUT", None, None, nid)

    def worker(count, sink):
        for _ in range(count):
            outcome = one()
            with lock:
                sink.append(outcome)

    def run(total, sink):
        per = [total // args.concurrency + (1 if i < total % args.concurrency else 0) for i in range(args.concurrency)]
        threads = [threading.Thread(target=worker, args=(k, sink)) for k in per if k > 0]
        began = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.timeout_s * max(1, total))
        return time.monotonic() - began

    warm = []
    run(args.warmup, warm)
    elapsed = run(args.n, results)
    latencies = sorted((u - c) * 1000 for s, c, u, _ in results if s == "FINALIZED")
    failed = [r for r in results if r[0] != "FINALIZED"]
    for state, _, _, why in failed[:5]:
        print(f"failure: {state} {why}", file=sys.stderr)
    rate = len(latencies) / elapsed if elapsed > 0 else 0
    p50 = statistics.median(latencies) if latencies else float("nan")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
    print(f"negotiations={args.n} concurrency={args.concurrency} finalized={len(latencies)} wall_s={elapsed:.2f}")
    print(f"RESULT negotiations_per_s={rate:.1f} p50_ms={p50:.1f} p99_ms={p99:.1f} failures={len(failed)}")


if __name__ == "__main__":
    main()

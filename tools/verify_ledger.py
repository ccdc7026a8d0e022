#!/usr/bin/env python3
"""An independent verifier of a TrustSpace ledger (intl suite), written from the specifications alone.

It shares no code with the Java implementation: plain Python for RFC 9162 Merkle hashing, C2SP signed-note,
tlog-checkpoint and tlog-tiles, and the OpenSSL 3 command line for the Ed25519 signature. It fetches the checkpoint
and every entry bundle over HTTP, recomputes the tree root, checks the log's signature, and (optionally) checks a
receipt's inclusion proof.

    verify_ledger.py BASE_URL VERIFIER_KEY [RECEIPT_JSON]

Exit 0 when everything verifies, 1 with a reason otherwise.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def fail(reason):
    print("invalid: " + reason)
    sys.exit(1)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def leaf_hash(entry):
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(hashes):
    """RFC 9162 section 2.1.1 MTH over leaf hashes: split at the largest power of two below n."""
    n = len(hashes)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(root(hashes[:k]), root(hashes[k:]))


def tile_index(n):
    """C2SP tlog-tiles path element: groups of three digits, all but the last prefixed with 'x'."""
    digits = str(n)
    digits = "0" * ((3 - len(digits) % 3) % 3) + digits
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    return "/".join(["x" + g for g in groups[:-1]] + [groups[-1]])


def parse_bundle(data, count):
    entries, offset = [], 0
    while offset < len(data):
        length = int.from_bytes(data[offset:offset + 2], "big")
        entries.append(data[offset + 2:offset + 2 + length])
        offset += 2 + length
    if len(entries) != count:
        fail("entry bundle holds %d entries, expected %d" % (len(entries), count))
    return entries


def verify_note(note, vkey):
    name, key_hash_hex, key_b64 = vkey.split("+", 2)
    key = base64.b64decode(key_b64)
    if key[0] != 0x01 or len(key) != 33:
        fail("only Ed25519 log keys (type 0x01) are supported by this verifier")
    expected_id = hashlib.sha256(name.encode() + b"\n" + key).digest()[:4]
    if expected_id.hex() != key_hash_hex:
        fail("verifier key hash does not match its name and key")
    text, _, signatures = note.partition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        if not line.startswith("\u2014 "):
            fail("malformed signature line")
        signer, blob = line[2:].rsplit(" ", 1)
        raw = base64.b64decode(blob)
        if signer != name or raw[:4] != expected_id:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            pem = os.path.join(tmp, "key.pem")
            with open(pem, "w") as out:
                out.write("-----BEGIN PUBLIC KEY-----\n")
                out.write(base64.b64encode(ED25519_SPKI_PREFIX + key[1:]).decode() + "\n")
                out.write("-----END PUBLIC KEY-----\n")
            for path, content in (("msg", text.encode()), ("sig", raw[4:])):
                with open(os.path.join(tmp, path), "wb") as out:
                    out.write(content)
            result = subprocess.run(
                ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin",
                 "-in", os.path.join(tmp, "msg"), "-sigfile", os.path.join(tmp, "sig")],
                capture_output=True, timeout=30)
            if result.returncode != 0:
                fail("the log's signature on the checkpoint does not verify (OpenSSL)")
            return text
    fail("the checkpoint carries no signature by the log key")


def verify_inclusion(leaf, index, size, proof, expected_root):
    """RFC 9162 section 2.1.3.2."""
    if index >= size:
        fail("leaf index %d is not below tree size %d" % (index, size))
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            fail("inclusion proof is too long")
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0 or r != expected_root:
        fail("inclusion proof does not lead to the checkpoint's root")


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    base = sys.argv[1].rstrip("/") + "/ledger/"
    vkey = sys.argv[2].strip()
    text = verify_note(fetch(base + "checkpoint").decode(), vkey)
    lines = text.splitlines()
    size, signed_root = int(lines[1]), base64.b64decode(lines[2])
    leaves = []
    for n in range((size + 255) // 256):
        width = min(256, size - n * 256)
        path = "tile/entries/" + tile_index(n) + ("" if width == 256 else ".p/%d" % width)
        leaves += [leaf_hash(e) for e in parse_bundle(fetch(base + path), width)]
    if root(leaves) != signed_root:
        fail("the entries do not hash to the signed root")
    message = "%d entries recomputed; root matches the signed checkpoint of %s" % (size, lines[0])
    if len(sys.argv) == 4:
        with open(sys.argv[3]) as f:
            document = json.load(f)
        receipt = document["receipt"]
        entry = json.dumps(document["record"], sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        receipt_note = receipt["checkpoint"]
        receipt_text = verify_note(receipt_note, vkey).splitlines()
        verify_inclusion(leaf_hash(entry), receipt["leafIndex"], int(receipt_text[1]),
                         [base64.b64decode(h) for h in receipt["inclusionProof"]], base64.b64decode(receipt_text[2]))
        if leaves[receipt["leafIndex"]] != leaf_hash(entry):
            fail("the receipt's record is not the entry at its index")
        message += "; receipt for %s verifies" % receipt["recordId"]
    print("valid: " + message)


if __name__ == "__main__":
    main()

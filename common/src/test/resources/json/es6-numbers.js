// Writes seeded random doubles and the text V8 gives them (String(x) = Number.prototype.toString), one per line:
// "<16 hex digits of the IEEE 754 bits> <text>". Run: node es6-numbers.js > es6-numbers.txt
let state = 0x2545F4914F6CDD1Dn;
const mask = (1n << 64n) - 1n;
function next() { // xorshift64*
  state ^= state >> 12n; state ^= (state << 25n) & mask; state ^= state >> 27n;
  return (state * 0x2545F4914F6CDD1Dn) & mask;
}
const view = new DataView(new ArrayBuffer(8));
const lines = [];
function emit(bits) {
  view.setBigUint64(0, bits);
  const x = view.getFloat64(0);
  if (!Number.isFinite(x)) return;
  lines.push(bits.toString(16).padStart(16, '0') + ' ' + String(x));
}
function emitNumber(x) { view.setFloat64(0, x); emit(view.getBigUint64(0)); }
for (let i = 0; i < 1500; i++) emit(next());                                  // any bit pattern
for (let i = 0; i < 1000; i++) {                                              // decimals people write
  const digits = Number(next() % 100000000n) / 10 ** Number(next() % 9n);
  emitNumber((next() & 1n) ? -digits : digits);
  emitNumber(digits * 10 ** (Number(next() % 60n) - 30));
}
for (let e = -1074; e <= 1023; e += 7) emitNumber(2 ** e);                    // powers of two: lopsided intervals
process.stdout.write(lines.join('\n') + '\n');

// Draws the add-in icons (a green sheet with falling bars) as PNGs at the sizes the manifest declares.
// Run once with `node scripts/make-icons.mjs`; the PNGs are committed under assets/.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80, 128];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const GREEN = [16, 124, 65, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
const bars = [
  [0.22, 0.34, 0.3],
  [0.42, 0.54, 0.45],
  [0.62, 0.74, 0.6],
];

function pixel(x, y) {
  const r = 0.16;
  const dx = Math.max(0.06 + r - x, 0, x - (0.94 - r));
  const dy = Math.max(0.06 + r - y, 0, y - (0.94 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  for (const [x0, x1, top] of bars) if (x >= x0 && x < x1 && y >= top && y < 0.8) return WHITE;
  return GREEN;
}

for (const s of SIZES) writeFileSync(new URL(`../assets/icon-${s}.png`, import.meta.url), png(s, pixel));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")}`);

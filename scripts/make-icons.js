#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and catalogue icons (assets/icon-{16,32,64,80}.png): a white shield
 * holding a small bar chart on a rounded blue square — cyber cover, business-interruption figures.
 *
 * Why a script: the PNGs are committed, but they are drawn from this description so a change of
 * colour or size is a re-run rather than an image editor, and no image tool or dependency is
 * needed (PNG = zlib-deflated RGBA scanlines + CRC-checked chunks). Run: node scripts/make-icons.js
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { Buffer } = require('buffer');

const SIZES = [16, 32, 64, 80];
const OUT_DIR = path.resolve(__dirname, '..', 'assets');
const SUPERSAMPLE = 4; // 4×4 samples per pixel: smooth edges even at 16 px

const BLUE = [15, 76, 129];
const WHITE = [255, 255, 255];
const TRANSPARENT = null;

/** Colour of the point (x, y) of the unit square, or null outside the icon. */
function colourAt(x, y) {
  const r = 0.18; // corner radius of the background square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return TRANSPARENT;

  // Shield: straight sides from the top to the shoulders, then a parabolic taper to the point.
  const top = 0.15;
  const shoulder = 0.52;
  const tip = 0.87;
  const half = 0.3;
  let halfWidth = -1;
  if (y >= top && y <= shoulder) halfWidth = half;
  else if (y > shoulder && y <= tip) {
    const t = (y - shoulder) / (tip - shoulder);
    halfWidth = half * (1 - t * t);
  }
  if (Math.abs(x - 0.5) > halfWidth) return BLUE;

  // Three rising bars inside the shield, sharing a baseline.
  const baseline = 0.64;
  const bars = [
    [0.36, 0.14],
    [0.5, 0.23],
    [0.64, 0.32],
  ];
  for (const [centre, height] of bars) {
    if (Math.abs(x - centre) <= 0.045 && y <= baseline && y >= baseline - height) return BLUE;
  }
  return WHITE;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      // Colour averaged over the covered samples only (straight alpha), coverage as alpha.
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round((255 * a) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, every scanline with filter type 0. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`make-icons: ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { encodePng, render, SIZES };

if (require.main === module) main();

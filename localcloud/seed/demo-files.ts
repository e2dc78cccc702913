import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(8 + data.length + 4)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), 8 + data.length)
  return out
}

type Rgb = [number, number, number]

/**
 * A small placeholder photo for the demo: a ground colour with a band across it, so demo check-ins and
 * evidence show real images without shipping binary files.
 */
export function demoPng(ground: Rgb, band: Rgb, width = 160, height = 120): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const rows = Buffer.alloc(height * (1 + width * 3))
  for (let y = 0; y < height; y++) {
    const colour = y > height * 0.6 && y < height * 0.75 ? band : ground
    for (let x = 0; x < width; x++) rows.set(colour, y * (1 + width * 3) + 1 + x * 3)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Party red, gold and a quiet grey: the demo's three photos. */
export const DEMO_PHOTOS: Buffer[] = [
  demoPng([200, 22, 29], [232, 184, 76]),
  demoPng([232, 184, 76], [200, 22, 29]),
  demoPng([96, 110, 128], [240, 240, 240]),
]

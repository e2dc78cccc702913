/**
 * A few seconds of silent MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono): every frame is a header and
 * zeros, which decoders play as silence. Enough for the demo lecture's audio player to have something real
 * to play, without shipping a binary file.
 */
export function silentMp3(seconds: number): Buffer {
  const FRAME_BYTES = 417 // 144 × 128000 / 44100, no padding
  const FRAME_SECONDS = 1152 / 44100
  const frames = Math.ceil(seconds / FRAME_SECONDS)
  const out = Buffer.alloc(frames * FRAME_BYTES)
  for (let k = 0; k < frames; k++) out.set([0xff, 0xfb, 0x90, 0xc0], k * FRAME_BYTES)
  return out
}

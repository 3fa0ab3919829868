/**
 * fzstd allocates each frame's window (or, for a single-segment frame, its
 * whole content size) up front, as a frame header demands. A hostile header
 * could ask for gigabytes, so the compressed bytes go through this guard
 * first: it walks frame and block headers (RFC 8878) and refuses any frame
 * whose window exceeds the limit before the decoder sees it.
 */

/** What zstd itself accepts without --memory (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27). */
export const ZSTD_MAX_WINDOW = 2 ** 27;

const ZSTD_MAGIC = 0xfd2fb528;

type State =
  | { s: 'magic'; need: number }
  | { s: 'skip-size' }
  | { s: 'header'; need: number }
  | { s: 'block' }
  | { s: 'skip'; left: number; after: 'block' | 'checksum' | 'magic' }
  | { s: 'checksum' };

export class ZstdGuard {
  private st: State = { s: 'magic', need: 4 };
  private buf: number[] = [];
  private checksumFlag = false;
  /** Largest window seen, for messages. */
  window = 0;

  constructor(private readonly limit = ZSTD_MAX_WINDOW) {}

  /** Returns why the stream is refused, or undefined while it is acceptable. */
  feed(chunk: Uint8Array): string | undefined {
    let i = 0;
    while (i < chunk.length) {
      const st = this.st;
      if (st.s === 'skip') {
        const n = Math.min(st.left, chunk.length - i);
        st.left -= n;
        i += n;
        if (st.left === 0) this.st = st.after === 'magic' ? { s: 'magic', need: 4 } : st.after === 'checksum' ? { s: 'checksum' } : { s: 'block' };
        continue;
      }
      this.buf.push(chunk[i++]!);
      const b = this.buf;
      if (st.s === 'magic' && b.length === 4) {
        const m = (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
        this.buf = [];
        if (m === ZSTD_MAGIC) this.st = { s: 'header', need: 1 };
        else if ((m & 0xfffffff0) >>> 0 === 0x184d2a50) this.st = { s: 'skip-size' };
        else return `not a zstd frame at this point (magic ${m.toString(16)})`;
      } else if (st.s === 'skip-size' && b.length === 4) {
        const size = (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
        this.buf = [];
        this.st = size === 0 ? { s: 'magic', need: 4 } : { s: 'skip', left: size, after: 'magic' };
      } else if (st.s === 'header') {
        const fhd = b[0]!;
        const single = (fhd & 0x20) !== 0;
        const dictBytes = [0, 1, 2, 4][fhd & 3]!;
        const fcsFlag = fhd >> 6;
        const fcsBytes = fcsFlag === 0 ? (single ? 1 : 0) : [0, 2, 4, 8][fcsFlag]!;
        const total = 1 + (single ? 0 : 1) + dictBytes + fcsBytes;
        if (b.length < total) continue;
        this.checksumFlag = (fhd & 0x04) !== 0;
        let window: number;
        if (!single) {
          const wd = b[1]!;
          const base = 2 ** (10 + (wd >> 3));
          window = base + (base / 8) * (wd & 7);
        } else {
          const at = total - fcsBytes;
          let fcs = 0;
          for (let k = fcsBytes - 1; k >= 0; k--) fcs = fcs * 256 + b[at + k]!;
          if (fcsBytes === 2) fcs += 256;
          window = fcs;
        }
        this.window = Math.max(this.window, window);
        this.buf = [];
        if (window > this.limit) return `a zstd frame asks for a ${window}-byte window, over the ${this.limit} bytes we allow a decoder`;
        this.st = { s: 'block' };
      } else if (st.s === 'block' && b.length === 3) {
        const h = b[0]! | (b[1]! << 8) | (b[2]! << 16);
        this.buf = [];
        const last = (h & 1) === 1;
        const type = (h >> 1) & 3;
        const size = h >>> 3;
        if (type === 3) return 'reserved zstd block type';
        const content = type === 1 ? 1 : size;
        const after = last ? (this.checksumFlag ? 'checksum' : 'magic') : 'block';
        this.st = content > 0 ? { s: 'skip', left: content, after } : after === 'magic' ? { s: 'magic', need: 4 } : after === 'checksum' ? { s: 'checksum' } : { s: 'block' };
      } else if (st.s === 'checksum' && b.length === 4) {
        this.buf = [];
        this.st = { s: 'magic', need: 4 };
      }
    }
    return undefined;
  }
}

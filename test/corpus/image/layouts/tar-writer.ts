/**
 * A small tar writer for test layers and layout archives: ustar headers, pax
 * records for long names, and any typeflag we ask for (also the odd ones a
 * careful tar tool would refuse to write: absolute names, '..', sparse).
 */

export interface TarSpecEntry {
  readonly name: string;
  /** '0' file (default), '1' hard link, '2' symlink, '5' directory, 'S' GNU sparse, ... */
  readonly type?: string;
  readonly data?: string | Buffer;
  readonly linkname?: string;
  readonly mode?: number;
}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, type: string, size: number, linkname: string, mode: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write(octal(mode, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(1_700_000_000, 12), 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(type, 156, 'latin1');
  h.write(linkname.slice(0, 100), 157, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function pad(b: Buffer): Buffer[] {
  const rest = (512 - (b.length % 512)) % 512;
  return rest ? [b, Buffer.alloc(rest)] : [b];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
  return `${len}${body}`;
}

export function writeTar(entries: readonly TarSpecEntry[], opts: { endBlocks?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = e.data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const type = e.type ?? '0';
    if (Buffer.byteLength(e.name) > 100 || Buffer.byteLength(e.linkname ?? '') > 100) {
      let pax = paxRecord('path', e.name);
      if (e.linkname) pax += paxRecord('linkpath', e.linkname);
      const p = Buffer.from(pax);
      parts.push(header('PaxHeader', 'x', p.length, '', 0o644), ...pad(p));
    }
    const mode = e.mode ?? (type === '5' ? 0o755 : 0o644);
    const withData = type === '0' || type === 'S';
    parts.push(header(e.name, type, withData ? data.length : 0, e.linkname ?? '', mode));
    if (withData && data.length > 0) parts.push(...pad(data));
  }
  if (opts.endBlocks !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

/** A zstd frame of raw (stored) blocks: valid zstd that any decoder reads, written without a compressor. */
export function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])]; // magic, no content size, 128 KiB window
  const MAX = 128 * 1024;
  let off = 0;
  do {
    const n = Math.min(MAX, data.length - off);
    const last = off + n >= data.length ? 1 : 0;
    const h = (n << 3) | (0 << 1) | last;
    parts.push(Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), data.subarray(off, off + n));
    off += n;
  } while (off < data.length);
  return Buffer.concat(parts);
}

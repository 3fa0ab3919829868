/**
 * Decoding of tar headers (ustar, GNU and pax), the parts both the layer
 * inspector and the archive reader need. Nothing here touches the disk.
 */

export const BLOCK = 512;

/** Entry types by their typeflag byte (POSIX ustar, GNU, pax). */
export type TarType =
  | 'file'
  | 'hardlink'
  | 'symlink'
  | 'char'
  | 'block'
  | 'directory'
  | 'fifo'
  | 'contiguous'
  | 'pax-header'
  | 'pax-global'
  | 'gnu-long-name'
  | 'gnu-long-link'
  | 'gnu-sparse'
  | 'other';

export interface RawHeader {
  readonly name: string;
  readonly linkname: string;
  readonly size: number;
  readonly type: TarType;
  readonly typeflag: string;
  readonly mode: number;
}

export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TYPES: Readonly<Record<string, TarType>> = {
  '0': 'file',
  '\0': 'file',
  '7': 'contiguous',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char',
  '4': 'block',
  '5': 'directory',
  '6': 'fifo',
  x: 'pax-header',
  g: 'pax-global',
  L: 'gnu-long-name',
  K: 'gnu-long-link',
  S: 'gnu-sparse',
};

export function isZeroBlock(b: Uint8Array, off = 0): boolean {
  for (let i = off; i < off + BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

function cstring(b: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && b[end] !== 0) end++;
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
}

/** The text of a GNU long name or long link entry's data: up to its first NUL, if any. */
export function cstr(b: Buffer): string {
  const z = b.indexOf(0);
  return b.toString('utf8', 0, z < 0 ? b.length : z);
}

/** A numeric field: octal text, or GNU base-256 when the high bit of the first byte is set. */
function numeric(b: Uint8Array, start: number, len: number, what: string, at: number): number {
  const first = b[start]!;
  if (first & 0x80) {
    if (first === 0xff) throw new TarFormatError(`negative base-256 ${what}`, at);
    let v = first & 0x7f;
    for (let i = start + 1; i < start + len; i++) {
      v = v * 256 + b[i]!;
      if (!Number.isSafeInteger(v)) throw new TarFormatError(`${what} too large`, at);
    }
    return v;
  }
  const s = cstring(b, start, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError(`${what} field is not octal ('${s.slice(0, 20)}')`, at);
  return parseInt(s, 8);
}

/** Decodes one header block at `off`; throws TarFormatError on a bad checksum or field. */
export function decodeHeader(b: Uint8Array, off: number, streamOffset: number): RawHeader {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : b[off + i]!;
  const stored = numeric(b, off + 148, 8, 'checksum', streamOffset);
  if (stored !== sum) throw new TarFormatError(`header checksum ${stored} does not match the header (${sum}): not a tar header`, streamOffset);
  const typeflag = String.fromCharCode(b[off + 156]!);
  const magic = cstring(b, off + 257, 6);
  let name = cstring(b, off, 100);
  if (magic === 'ustar') {
    const prefix = cstring(b, off + 345, 155);
    if (prefix) name = `${prefix}/${name}`;
  }
  return {
    name,
    linkname: cstring(b, off + 157, 100),
    size: numeric(b, off + 124, 12, 'size', streamOffset),
    mode: numeric(b, off + 100, 8, 'mode', streamOffset),
    type: TYPES[typeflag] ?? 'other',
    typeflag,
  };
}

/** Records of a pax extended header: `<len> <key>=<value>\n`. */
export function parsePax(data: Buffer, streamOffset: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp < 0) break;
    const len = Number(data.toString('latin1', i, sp));
    if (!Number.isSafeInteger(len) || len <= 0 || i + len > data.length) throw new TarFormatError('malformed pax record', streamOffset);
    const rec = data.toString('utf8', sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

export function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

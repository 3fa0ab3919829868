import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { OciError, errnoCode } from '../../core/errors.js';

/** The default ceiling on one JSON document; a flag raises it. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export interface TextInput {
  /** What the user named ('-' shows as '<stdin>'). */
  readonly name: string;
  readonly text: string;
}

/**
 * Reads a file (or '-' for stdin) as strict UTF-8 JSON text; never writes anything.
 * `regularOnly`: a file found inside what the user named (a bundle's config.json), not named itself: it must be a
 * regular file, and is opened without blocking, so that a FIFO put there is refused instead of waited on. A path the
 * user names may be a pipe or FIFO (`oci-validate <(cat config.json)`), read as `cat` would.
 */
export function readTextInput(path: string, maxBytes = DEFAULT_MAX_BYTES, opts: { readonly regularOnly?: boolean } = {}): TextInput {
  const name = path === '-' ? '<stdin>' : path;
  const bytes = path === '-' ? readFd(0, name, maxBytes) : readPath(path, maxBytes, opts.regularOnly === true);
  return { name, text: decode(bytes, name) };
}

function readPath(path: string, maxBytes: number, regularOnly: boolean): Buffer {
  let fd: number;
  try {
    fd = openSync(path, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
  } catch (e) {
    throw openError(path, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new OciError('OCI_INPUT_UNREADABLE', `${path}: is a directory, not a JSON file`);
    if (regularOnly && !st.isFile()) throw new OciError('OCI_INPUT_UNREADABLE', `${path}: is ${describe(st)}, not a regular file; refused, not read`);
    if (st.isFile() && st.size > maxBytes) throw tooLarge(path, st.size, maxBytes);
    if (st.isFile() && st.size > 0) return readSized(fd, path, st.size, maxBytes);
    return readFd(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
}

function describe(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** One line for a failed open or stat of a path the user named. */
export function openError(path: string, e: unknown): OciError {
  const code = errnoCode(e);
  if (code === 'ENOENT') {
    let dangling = false;
    try {
      dangling = lstatSync(path).isSymbolicLink();
    } catch {
      /* not there at all */
    }
    return new OciError(
      'OCI_INPUT_NOT_FOUND',
      dangling ? `${path}: is a symbolic link to a file that does not exist` : `${path}: no such file or directory`,
      { cause: e },
    );
  }
  if (code === 'EACCES' || code === 'EPERM')
    return new OciError('OCI_INPUT_UNREADABLE', `${path}: permission denied`, { cause: e });
  if (code === 'ELOOP') return new OciError('OCI_INPUT_UNREADABLE', `${path}: too many levels of symbolic links`, { cause: e });
  return new OciError('OCI_INPUT_UNREADABLE', `${path}: cannot open (${code ?? String(e)})`, { cause: e });
}

function tooLarge(name: string, size: number | string, max: number): OciError {
  return new OciError('OCI_INPUT_TOO_LARGE', `${name}: ${size} bytes is over the limit of ${max} bytes for a JSON document (raise it with --max-bytes)`);
}

/** Reads are synchronous, so one scratch buffer serves them all. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/** A regular file of known size: one buffer of that size, then the pipe-style reader for anything beyond (a growing file). */
function readSized(fd: number, name: string, size: number, maxBytes: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = readSync(fd, buf, got, size - got, null);
    if (n === 0) return buf.subarray(0, got);
    got += n;
  }
  return readFd(fd, name, maxBytes, buf);
}

/** Reads at most maxBytes (+1 to detect overflow) from a descriptor, also a pipe. */
function readFd(fd: number, name: string, maxBytes: number, head?: Buffer): Buffer {
  const chunks: Buffer[] = head ? [head] : [];
  let total = head?.length ?? 0;
  const chunk = scratch;
  for (;;) {
    let got: number;
    try {
      got = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = errnoCode(e);
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      if (code === 'EISDIR') throw new OciError('OCI_INPUT_UNREADABLE', `${name}: is a directory, not a JSON file`);
      throw new OciError('OCI_INPUT_UNREADABLE', `${name}: read failed (${code ?? String(e)})`, { cause: e });
    }
    if (got === 0) break;
    total += got;
    if (total > maxBytes) throw tooLarge(name, `more than ${maxBytes}`, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, got)));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Buffer, name: string): string {
  if (bytes.length === 0) throw new OciError('OCI_INPUT_EMPTY', `${name}: is empty (a JSON document was expected)`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw new OciError('OCI_INPUT_BOM', `${name}: starts with a UTF-8 byte order mark, which JSON text must not have (RFC 8259 §8.1)`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new OciError('OCI_INPUT_BINARY', `${name}: contains a NUL byte at offset ${nul}: binary data, not JSON text`);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new OciError('OCI_INPUT_ENCODING', `${name}: is not valid UTF-8 (at or after byte ${firstBadUtf8(bytes)})`);
  }
}

function firstBadUtf8(b: Buffer): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length;
}

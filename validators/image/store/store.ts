import type { BlobOutcome, BlobSink } from '../verify.js';

/** The sink a store streams a blob into is the verifier's (verify.ts): named here too for the stores. */
export type { BlobSink };

/**
 * A content store: the files of an image layout, wherever they are (a
 * directory, a tar archive, a gzip-compressed tar archive). Paths are relative
 * to the layout root ('oci-layout', 'index.json', 'blobs/sha256/…'). Stores
 * only read; they never follow a symbolic link and never write anything.
 */

export type StoreStat =
  | { readonly kind: 'file'; readonly size: number }
  | { readonly kind: 'missing' }
  /** A symbolic or hard link: refused, never followed. */
  | { readonly kind: 'link'; readonly what: string }
  | { readonly kind: 'not-file'; readonly what: string };


export interface StreamJob {
  readonly path: string;
  readonly sink: BlobSink;
}

export interface StoreListing {
  /** Every entry under blobs/, with what it is. */
  readonly path: string;
  readonly stat: StoreStat | { readonly kind: 'dir' };
}

export interface ContentStore {
  /** How the user named the layout ('img/', 'image.tar'). */
  readonly name: string;
  /** A file name for diagnostics about one of its files: 'img/blobs/sha256/ab…' or 'image.tar:blobs/sha256/ab…'. */
  label(path: string): string;
  stat(path: string): StoreStat;
  /** Whether a directory exists (explicitly, or implied by files under it). */
  hasDir(path: string): boolean;
  /** The whole content of a small file; the caller checks the size with stat() first. */
  readSmall(path: string): Promise<Buffer>;
  /** Every entry under blobs/ (two levels: blobs/<alg>/<encoded>, and anything else found there). */
  listBlobs(): readonly StoreListing[];
  /** Streams each job's file into its sink, at most `concurrency` at once where the store allows it. */
  stream(jobs: readonly StreamJob[], concurrency: number): Promise<void>;
  /** Other names at the root, for telling a docker-archive from a layout. */
  hasRootFile(name: string): boolean;
  /** Archive entry names that would leave the layout root (refused, reported). */
  readonly escaping?: readonly string[];
  /** Archive entry names longer than PATH_MAX (refused, shortened). */
  readonly tooLong?: readonly string[];
  /** Archive entry names that occur more than once (the last one is read). */
  readonly duplicates?: ReadonlySet<string>;
  /** Results of verifying a blob that the store already streamed (a gzip archive's first pass). */
  precomputed?(path: string): BlobOutcome | undefined;
  /** Archives: a directory inside that holds a layout, when the root does not. */
  nestedLayout?(): string | undefined;
}

/** Bytes read per chunk from a file: large enough that hashing, not syscalls, sets the pace. */
export const CHUNK = 2 * 1024 * 1024;

/**
 * Reads [start, end) of an open file into a sink, one chunk ahead: the next
 * read is in flight while the sink hashes the current chunk. Two buffers take
 * turns, so a blob of any size costs 2 x CHUNK of memory and no fresh pages
 * (a sink must not keep a chunk once its write() has returned or resolved).
 */
export async function pumpRange(
  read: (buf: Buffer, position: number) => Promise<number>,
  start: number,
  end: number | undefined,
  sink: BlobSink,
): Promise<void> {
  const buffers = [Buffer.allocUnsafeSlow(CHUNK), Buffer.allocUnsafeSlow(CHUNK)];
  let turn = 0;
  let pos = start;
  const next = (): Promise<Buffer> | undefined => {
    const want = end === undefined ? CHUNK : Math.min(CHUNK, end - pos);
    if (want <= 0) return undefined;
    const buf = buffers[turn]!.subarray(0, want);
    turn ^= 1;
    const at = pos;
    pos += want;
    return read(buf, at).then((n) => {
      if (end !== undefined && n < want) throw new Error('file ends early');
      return n === want ? buf : buf.subarray(0, n);
    });
  };
  let pending = next();
  while (pending) {
    const chunk = await pending;
    if (chunk.length === 0) break;
    pending = end === undefined && chunk.length < CHUNK ? undefined : next();
    await sink.write(chunk);
  }
  await sink.end();
}

/** Runs tasks with at most `limit` in flight. */
export async function bounded<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * A content store over a gzip-compressed tar archive. gzip allows no random
 * access, so the archive is read in passes: the first indexes it, keeps small
 * files (JSON documents) in memory and verifies every blob as it goes by
 * (digest, and diff_id and inspection in case it is a layer); a later pass, only
 * when something the first could not know is needed (a sha512 diff_id), hands
 * the wanted entries to their sinks, one after another.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { OciError } from '../../../core/errors.js';
import { TarFormatError } from '../tar/header.js';
import { TarParser } from '../tar/parser.js';
import type { TarEntry } from '../tar/parser.js';
import { ArchiveIndex, normaliseName } from './archive-index.js';
import { ArchiveStore } from './archive-store.js';
import type { BlobSink, StreamJob } from './store.js';
import { registeredAlgorithm } from '../digest.js';
import type { BlobOutcome } from '../verify.js';
import { BlobVerifier, DEFAULT_MAX_RATIO, DecompressionBudget, RATIO_MIN_BYTES } from '../verify.js';

const BLOB = /^blobs\/([^/]+)\/[^/]+$/;
const SHA256_ONLY: ReadonlyMap<string, string> = new Map([['sha256', 'sha256']]);

/** Files up to this size are kept in memory by the first pass. */
const SPOOL_ENTRY = 1024 * 1024;
/** ... up to this much in all. */
const SPOOL_TOTAL = 64 * 1024 * 1024;

export class TarGzipStore extends ArchiveStore {
  private readonly spool = new Map<string, Buffer>();
  private readonly verified = new Map<string, BlobOutcome>();
  /** Times the archive has been decompressed so far. */
  passes = 0;

  private constructor(
    private readonly path: string,
    name: string,
    index: ArchiveIndex,
    private readonly maxDecompressed: number,
    private readonly maxRatio: number,
  ) {
    super(name, index);
  }

  static async open(path: string, name: string, maxDecompressed: number, maxRatio = DEFAULT_MAX_RATIO): Promise<TarGzipStore> {
    const store = new TarGzipStore(path, name, new ArchiveIndex(), maxDecompressed, maxRatio);
    let spooled = 0;
    let current: { path: string; parts: Buffer[] } | undefined;
    // Every blob is verified on this first reading too (digest; and, in case it is a layer, diff_id
    // and inspection), so that most runs need no second pass over the archive.
    const budget = new DecompressionBudget(maxDecompressed, maxRatio);
    let verifying: { path: string; v: BlobVerifier } | undefined;
    await store.pass(async (ev) => {
      if (ev.kind === 'entry') {
        store.index.add(ev.entry);
        const n = normaliseName(ev.entry.name);
        current = undefined;
        verifying = undefined;
        if (n !== undefined) {
          store.spool.delete(n); // a later entry of the same name replaces it
          store.verified.delete(n);
        }
        if (n !== undefined && ev.entry.type === 'file' && ev.entry.size <= SPOOL_ENTRY && spooled + ev.entry.size <= SPOOL_TOTAL) {
          spooled += ev.entry.size;
          current = { path: n, parts: [] };
        }
        const m = n !== undefined && isFile(ev.entry) ? BLOB.exec(n) : null;
        const nodeHash = m ? registeredAlgorithm(m[1]!)?.nodeHash : undefined;
        if (n !== undefined && nodeHash) verifying = { path: n, v: new BlobVerifier(nodeHash, { diffAlgorithms: SHA256_ONLY, budget }) };
      } else if (ev.kind === 'data') {
        current?.parts.push(Buffer.from(ev.chunk));
        if (verifying) await verifying.v.write(ev.chunk);
      } else {
        if (current) store.spool.set(current.path, Buffer.concat(current.parts));
        current = undefined;
        if (verifying) {
          await verifying.v.end();
          store.verified.set(verifying.path, verifying.v.outcome);
        }
        verifying = undefined;
      }
    });
    return store;
  }

  /** What the first reading found for a blob (digest, and layer results as if it were a layer). */
  precomputed(path: string): BlobOutcome | undefined {
    return this.verified.get(path);
  }

  override async readSmall(path: string): Promise<Buffer> {
    const s = this.spool.get(path);
    if (s) return s;
    const parts: Buffer[] = [];
    await this.stream(
      [
        {
          path,
          sink: {
            write: (c) => void parts.push(Buffer.from(c)),
            end: () => undefined,
            fail: () => undefined,
          },
        },
      ],
      1,
    );
    return Buffer.concat(parts);
  }

  /** One more pass over the archive; entries named by jobs go to their sinks, in archive order. */
  override async stream(jobs: readonly StreamJob[], _concurrency: number): Promise<void> {
    if (jobs.length === 0) return;
    const wanted = new Map<string, BlobSink[]>();
    for (const j of jobs) wanted.set(j.path, [...(wanted.get(j.path) ?? []), j.sink]);
    let sinks: BlobSink[] | undefined;
    const done = new Set<BlobSink>();
    await this.pass(async (ev) => {
      if (ev.kind === 'entry') {
        const n = normaliseName(ev.entry.name);
        // the entry that counts for a name is its last one, as in the index
        sinks = n !== undefined && isFile(ev.entry) && this.index.isCurrent(n, ev.entry.headerOffset) ? wanted.get(n)?.filter((s) => !done.has(s)) : undefined;
      } else if (ev.kind === 'data') {
        if (sinks) for (const s of sinks) await s.write(ev.chunk);
      } else if (sinks) {
        for (const s of sinks) {
          done.add(s);
          await s.end();
        }
        sinks = undefined;
      }
    });
    for (const j of jobs) if (!done.has(j.sink)) j.sink.fail('not found in the archive on a second reading');
  }

  private async pass(on: (ev: ReturnType<TarParser['push']>[number]) => void | Promise<void>): Promise<void> {
    this.passes++;
    const parser = new TarParser();
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    const src = createReadStream(this.path, { highWaterMark: 1024 * 1024 });
    src.on('error', (e) => gunzip.destroy(e));
    let compressed = 0;
    src.on('data', (c) => (compressed += c.length));
    src.pipe(gunzip);
    let total = 0;
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > this.maxDecompressed)
          throw new OciError(
            'OCI_INPUT_TOO_LARGE',
            `${this.name}: decompresses to more than ${this.maxDecompressed} bytes, our limit (raise it with --max-decompressed-bytes)`,
          );
        if (this.maxRatio > 0 && total > RATIO_MIN_BYTES && total > this.maxRatio * compressed)
          throw new OciError(
            'OCI_INPUT_TOO_LARGE',
            `${this.name}: expands more than ${this.maxRatio} times its compressed size (${total} bytes out of ${compressed}), a decompression bomb by our reading (raise the limit with --max-decompression-ratio)`,
          );
        if (parser.done) continue;
        for (const ev of parser.push(chunk)) {
          const r = on(ev);
          if (r) await r;
        }
      }
      parser.finish();
    } catch (e) {
      if (e instanceof TarFormatError) throw new OciError('OCI_INPUT_UNREADABLE', `${this.name}: not a readable tar archive inside the gzip stream: ${e.message} (at byte ${e.offset})`);
      if (e instanceof OciError) throw e;
      throw new OciError('OCI_INPUT_UNREADABLE', `${this.name}: cannot decompress (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    } finally {
      src.destroy();
      gunzip.destroy();
    }
  }
}

function isFile(e: TarEntry): boolean {
  return e.type === 'file' || e.type === 'contiguous';
}

/**
 * The sink every streamed blob goes through: it counts and hashes the bytes
 * and, for a layer, undoes the compression the content really has (gzip with
 * zlib, zstd with fzstd), hashes the tar stream for the diff_id and inspects
 * it. Nothing is kept but hashes, counts and the layer's list of names.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import type { Gunzip } from 'node:zlib';
import { Decompress } from 'fzstd';
import { LayerInspector, NameBudget } from './layer/inspect.js';
import { ZstdGuard } from './zstd-guard.js';

export type Compression = 'gzip' | 'zstd' | 'none';

/**
 * Past this ratio of decompressed to compressed bytes a layer is a decompression bomb, not an image
 * layer (gzip's best is 1032:1 on zeros; real layers are 2-10:1; a tar of zeros gzipped with level 1 229:1).
 */
export const DEFAULT_MAX_RATIO = 500;
/** ... once this much has come out: small layers may be all zeros. */
export const RATIO_MIN_BYTES = 256 * 1024 * 1024;

/**
 * A budget of decompressed bytes shared by every layer of one run, the ratio no layer may pass
 * (0: no ratio limit), and the budget of the names their inspectors keep.
 */
export class DecompressionBudget {
  used = 0;
  constructor(
    readonly limit: number,
    readonly maxRatio = DEFAULT_MAX_RATIO,
    readonly names = new NameBudget(),
  ) {}
}

/**
 * Receives one blob's bytes in order; write() may apply backpressure by
 * returning a promise. The chunk's memory is reused once write() is done with
 * it: a sink that needs the bytes later copies them.
 */
export interface BlobSink {
  write(chunk: Buffer): void | Promise<void>;
  /** Called once after the last chunk (or at once for an empty blob). */
  end(): void | Promise<void>;
  /** Called instead of end() when reading failed. */
  fail(reason: string): void;
}

export interface BlobOutcome {
  size: number;
  /** Hex digest in the blob's own algorithm, when we could compute it. */
  digest: string | undefined;
  readError: string | undefined;
  layer: LayerOutcome | undefined;
}

export interface LayerOutcome {
  compression: Compression;
  /** Hex digests of the uncompressed stream by algorithm (when it was read to the end). */
  diffIds: Map<string, string>;
  uncompressedSize: number;
  limitExceeded: boolean;
  /** Decompressing stopped: the layer expands past the budget's ratio (a decompression bomb). */
  ratioExceeded: boolean;
  decompressError: string | undefined;
  inspector: LayerInspector;
}

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

class Abort extends Error {}

export class BlobVerifier implements BlobSink {
  readonly outcome: BlobOutcome = { size: 0, digest: undefined, readError: undefined, layer: undefined };
  private readonly hash: Hash | undefined;
  private head: Buffer[] | undefined;
  private headLen = 0;
  private gunzip: Gunzip | undefined;
  private gunzipDone: Promise<void> | undefined;
  private zstd: Decompress | undefined;
  private zstdGuard: ZstdGuard | undefined;
  private diffHashes: Map<string, Hash> | undefined;
  private stopped = false;
  /** Diff algorithms whose hash is the blob's own (an uncompressed layer hashed once, not twice). */
  private readonly reused = new Set<string>();

  constructor(
    private readonly nodeHash: string | undefined,
    private readonly layer: { readonly diffAlgorithms: ReadonlyMap<string, string>; readonly budget: DecompressionBudget } | undefined,
  ) {
    this.hash = nodeHash ? createHash(nodeHash) : undefined;
    if (layer) this.head = [];
  }

  async write(chunk: Buffer): Promise<void> {
    this.outcome.size += chunk.length;
    this.hash?.update(chunk);
    if (!this.layer) return;
    if (this.head) {
      this.head.push(chunk);
      this.headLen += chunk.length;
      if (this.headLen < 4) return;
      await this.flushHead();
      return;
    }
    await this.feedCompressed(chunk);
  }

  /** Once enough bytes are in (or the blob ends), tell the compression from them and feed them on. */
  private async flushHead(): Promise<void> {
    const all = Buffer.concat(this.head ?? []);
    this.head = undefined;
    this.startLayer(sniffCompression(all));
    await this.feedCompressed(all);
  }

  async end(): Promise<void> {
    this.outcome.digest = this.hash?.digest('hex');
    if (!this.layer) return;
    if (this.head) await this.flushHead();
    const l = this.outcome.layer!;
    if (this.gunzip && !this.stopped) {
      this.gunzip.end();
      await this.gunzipDone;
    } else if (this.zstd && !this.stopped) {
      try {
        this.zstd.push(new Uint8Array(0), true);
      } catch (e) {
        this.decompressFailed(e);
      }
    }
    if (!this.stopped) {
      l.inspector.finish();
      for (const [alg, h] of this.diffHashes ?? []) l.diffIds.set(alg, h.digest('hex'));
      for (const alg of this.reused) if (this.outcome.digest !== undefined) l.diffIds.set(alg, this.outcome.digest);
    }
  }

  fail(reason: string): void {
    this.outcome.readError = reason;
    this.stop();
  }

  private startLayer(compression: Compression): void {
    const inspector = new LayerInspector(this.layer!.budget.names);
    this.outcome.layer = { compression, diffIds: new Map(), uncompressedSize: 0, limitExceeded: false, ratioExceeded: false, decompressError: undefined, inspector };
    const algs = [...this.layer!.diffAlgorithms];
    if (compression === 'none') for (const [alg, nodeHash] of algs) if (nodeHash === this.nodeHash) this.reused.add(alg);
    this.diffHashes = new Map(algs.filter(([alg]) => !this.reused.has(alg)).map(([alg, nodeHash]) => [alg, createHash(nodeHash)]));
    if (compression === 'gzip') {
      const gz = createGunzip({ chunkSize: 256 * 1024 });
      gz.on('data', (c: Buffer) => this.uncompressed(c));
      this.gunzipDone = new Promise((resolve) => {
        gz.on('end', resolve);
        gz.on('close', resolve);
        gz.on('error', (e) => {
          this.decompressFailed(e);
          resolve();
        });
      });
      this.gunzip = gz;
    } else if (compression === 'zstd') {
      this.zstd = new Decompress((c) => this.uncompressed(c as Buffer));
      this.zstdGuard = new ZstdGuard();
    }
  }

  private async feedCompressed(chunk: Buffer): Promise<void> {
    if (this.stopped) return;
    if (this.gunzip) {
      // wait until zlib has taken the chunk in: the caller reuses its memory
      await writeOrClose(this.gunzip, chunk);
    } else if (this.zstd) {
      const refused = this.zstdGuard!.feed(chunk);
      if (refused !== undefined) {
        this.decompressFailed(new Error(refused));
        return;
      }
      try {
        this.zstd.push(Uint8Array.prototype.slice.call(chunk)); // fzstd may keep a tail of its input
      } catch (e) {
        if (!(e instanceof Abort)) this.decompressFailed(e);
      }
    } else this.uncompressed(chunk);
  }

  private uncompressed(c: Uint8Array): void {
    if (this.stopped) return;
    const l = this.outcome.layer!;
    const budget = this.layer!.budget;
    l.uncompressedSize += c.length;
    budget.used += c.length;
    const overRatio = budget.maxRatio > 0 && l.compression !== 'none' && l.uncompressedSize > RATIO_MIN_BYTES && l.uncompressedSize > budget.maxRatio * this.outcome.size;
    if (budget.used > budget.limit || overRatio) {
      if (overRatio) l.ratioExceeded = true;
      else l.limitExceeded = true;
      this.stop();
      if (this.zstd) throw new Abort();
      return;
    }
    const buf = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.length);
    for (const h of this.diffHashes!.values()) h.update(buf);
    l.inspector.feed(buf);
  }

  private decompressFailed(e: unknown): void {
    if (this.stopped) return;
    this.outcome.layer!.decompressError = e instanceof Error ? e.message : String(e);
    this.stop();
  }

  private stop(): void {
    this.stopped = true;
    this.gunzip?.destroy();
  }
}

function writeOrClose(s: Gunzip, chunk: Buffer): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      s.off('close', done);
      resolve();
    };
    s.on('close', done);
    s.write(chunk, done);
  });
}

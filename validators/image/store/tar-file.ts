/**
 * A content store over an uncompressed tar archive: indexed once by reading
 * headers only (data is skipped by offset), then every file is a byte range
 * read on demand, several at once.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { OciError, errnoCode } from '../../../core/errors.js';
import { BLOCK, TarFormatError, cstr, decodeHeader, isZeroBlock, padded, parsePax } from '../tar/header.js';
import type { TarEntry } from '../tar/parser.js';
import { ArchiveIndex } from './archive-index.js';
import { ArchiveStore } from './archive-store.js';
import type { BlobSink, StreamJob } from './store.js';
import { bounded, pumpRange } from './store.js';

export class TarFileStore extends ArchiveStore {
  private constructor(
    private readonly fh: FileHandle,
    name: string,
    index: ArchiveIndex,
  ) {
    super(name, index);
  }

  static async open(path: string, name: string): Promise<TarFileStore> {
    const fh = await open(path, 'r');
    try {
      const index = await indexTar(fh, name);
      return new TarFileStore(fh, name, index);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.fh.close();
  }

  override async readSmall(path: string): Promise<Buffer> {
    const e = this.entry(path);
    const buf = Buffer.alloc(e.size);
    if (e.size > 0) await this.fh.read(buf, 0, e.size, e.dataOffset);
    return buf;
  }

  override async stream(jobs: readonly StreamJob[], concurrency: number): Promise<void> {
    await bounded(jobs, concurrency, (j) => this.streamOne(this.entry(j.path), j.sink));
  }

  private entry(path: string): TarEntry {
    const e = this.index.entries.get(path);
    if (!e) throw new Error(`${path}: not in the archive index`);
    return e;
  }

  private async streamOne(e: TarEntry, sink: BlobSink): Promise<void> {
    try {
      await pumpRange(async (buf, at) => (await this.fh.read(buf, 0, buf.length, at)).bytesRead, e.dataOffset, e.dataOffset + e.size, sink);
    } catch (err) {
      sink.fail(`read failed (${errnoCode(err) ?? (err instanceof Error ? err.message : String(err))})`);
    }
  }
}

async function indexTar(fh: FileHandle, name: string): Promise<ArchiveIndex> {
  const index = new ArchiveIndex();
  const size = (await fh.stat()).size;
  const block = Buffer.alloc(BLOCK);
  let pos = 0;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  const readAt = async (buf: Buffer, at: number): Promise<void> => {
    const { bytesRead } = await fh.read(buf, 0, buf.length, at);
    if (bytesRead < buf.length) throw new TarFormatError('archive is truncated', at);
  };
  try {
    while (pos + BLOCK <= size) {
      await readAt(block, pos);
      if (isZeroBlock(block)) break;
      const h = decodeHeader(block, 0, pos);
      const dataAt = pos + BLOCK;
      if (h.type === 'pax-header' || h.type === 'pax-global' || h.type === 'gnu-long-name' || h.type === 'gnu-long-link') {
        if (h.size > 1024 * 1024) throw new TarFormatError(`extended header of ${h.size} bytes is too large`, pos);
        const data = Buffer.alloc(h.size);
        await readAt(data, dataAt);
        if (h.type === 'pax-header') for (const [k, v] of parsePax(data, pos)) pax.set(k, v);
        else if (h.type === 'gnu-long-name') longName = cstr(data);
        else if (h.type === 'gnu-long-link') longLink = cstr(data);
        pos = dataAt + padded(h.size);
        continue;
      }
      const sizeText = pax.get('size');
      const hasData = h.type === 'file' || h.type === 'contiguous' || h.type === 'gnu-sparse' || h.type === 'other';
      const entrySize = hasData ? (sizeText !== undefined ? Number(sizeText) : h.size) : 0;
      if (!Number.isSafeInteger(entrySize)) throw new TarFormatError(`bad pax size '${sizeText}'`, pos);
      index.add({
        name: pax.get('path') ?? longName ?? h.name,
        linkname: pax.get('linkpath') ?? longLink ?? h.linkname,
        size: entrySize,
        type: h.type,
        mode: h.mode,
        sparse: h.type === 'gnu-sparse',
        headerOffset: pos,
        dataOffset: dataAt,
      });
      pax = new Map();
      longName = undefined;
      longLink = undefined;
      if (dataAt + entrySize > size) throw new TarFormatError('archive is truncated (an entry runs past its end)', pos);
      pos = dataAt + padded(entrySize);
    }
  } catch (e) {
    if (e instanceof TarFormatError) throw new OciError('OCI_INPUT_UNREADABLE', `${name}: not a readable tar archive: ${e.message} (at byte ${e.offset})`);
    throw e;
  }
  return index;
}

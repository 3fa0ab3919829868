/**
 * An incremental tar reader: feed it chunks as they arrive (from a file, a
 * gunzip or zstd stream) and it returns what they contain: entry headers (with
 * pax and GNU long names applied) and slices of entry data, never copying data.
 */
import type { TarType } from './header.js';
import { BLOCK, TarFormatError, cstr, decodeHeader, isZeroBlock, padded, parsePax } from './header.js';

export interface TarEntry {
  readonly name: string;
  readonly linkname: string;
  readonly size: number;
  readonly type: TarType;
  readonly mode: number;
  /** GNU sparse entry (old type 'S' or pax GNU.sparse.* records). */
  readonly sparse: boolean;
  /** Offset of the entry's own header in the tar stream. */
  readonly headerOffset: number;
  /** Offset of its first data byte. */
  readonly dataOffset: number;
}

export type TarEvent =
  | { readonly kind: 'entry'; readonly entry: TarEntry }
  | { readonly kind: 'data'; readonly chunk: Buffer }
  | { readonly kind: 'entry-end' };

/** Pax headers and GNU long names larger than this are refused. */
const MAX_META = 1024 * 1024;

export class TarParser {
  private offset = 0;
  private header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  private dataLeft = 0;
  private padLeft = 0;
  private meta: { type: 'pax-header' | 'pax-global' | 'gnu-long-name' | 'gnu-long-link'; parts: Buffer[]; left: number; at: number } | undefined;
  private pax = new Map<string, string>();
  private longName: string | undefined;
  private longLink: string | undefined;
  private inEntry = false;
  private ended = false;
  /** Number of entries seen (not counting pax or GNU meta entries). */
  entries = 0;

  get done(): boolean {
    return this.ended;
  }

  get position(): number {
    return this.offset;
  }

  push(chunk: Buffer): TarEvent[] {
    const events: TarEvent[] = [];
    let i = 0;
    const n = chunk.length;
    while (i < n && !this.ended) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, n - i);
        const part = chunk.subarray(i, i + take);
        if (this.meta) this.meta.parts.push(Buffer.from(part));
        else events.push({ kind: 'data', chunk: part });
        this.dataLeft -= take;
        this.offset += take;
        i += take;
        if (this.dataLeft === 0) this.endData(events);
        continue;
      }
      if (this.padLeft > 0) {
        const take = Math.min(this.padLeft, n - i);
        this.padLeft -= take;
        this.offset += take;
        i += take;
        continue;
      }
      // header
      let blockStart: number;
      let block: Buffer;
      if (this.headerFill === 0 && n - i >= BLOCK) {
        block = chunk;
        blockStart = i;
        i += BLOCK;
      } else {
        const take = Math.min(BLOCK - this.headerFill, n - i);
        chunk.copy(this.header, this.headerFill, i, i + take);
        this.headerFill += take;
        i += take;
        if (this.headerFill < BLOCK) break;
        this.headerFill = 0;
        block = this.header;
        blockStart = 0;
      }
      const at = this.offset;
      this.offset += BLOCK;
      if (isZeroBlock(block, blockStart)) {
        if (this.meta || this.longName !== undefined || this.pax.size > 0) throw new TarFormatError('end-of-archive block right after an extended header', at);
        this.ended = true;
        break;
      }
      this.startEntry(decodeHeader(block, blockStart, at), at, events);
    }
    return events;
  }

  /** Call at the end of the stream: throws when it stops inside an entry. */
  finish(): void {
    if (this.ended) return;
    if (this.dataLeft > 0 || this.headerFill > 0 || this.meta) throw new TarFormatError('archive is truncated (ends inside an entry)', this.offset);
    if (this.offset === 0) throw new TarFormatError('no tar entries at all (empty stream)', 0);
    // No end-of-archive blocks: tolerated, as most readers do.
  }

  private startEntry(h: ReturnType<typeof decodeHeader>, at: number, events: TarEvent[]): void {
    if (h.type === 'pax-header' || h.type === 'pax-global' || h.type === 'gnu-long-name' || h.type === 'gnu-long-link') {
      if (h.size > MAX_META) throw new TarFormatError(`extended header of ${h.size} bytes is over our limit of ${MAX_META}`, at);
      this.meta = { type: h.type, parts: [], left: h.size, at };
      this.dataLeft = h.size;
      this.padLeft = padded(h.size) - h.size;
      if (h.size === 0) this.endData(events);
      return;
    }
    const pax = this.pax;
    let name = pax.get('path') ?? this.longName ?? h.name;
    const linkname = pax.get('linkpath') ?? this.longLink ?? h.linkname;
    const sizeText = pax.get('size');
    let size = h.size;
    if (sizeText !== undefined) {
      if (!/^\d+$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new TarFormatError(`pax size '${sizeText}' is not a whole number`, at);
      size = Number(sizeText);
    }
    let sparse = h.type === 'gnu-sparse';
    for (const k of pax.keys()) if (k.startsWith('GNU.sparse.')) sparse = true;
    const realName = pax.get('GNU.sparse.name');
    if (realName !== undefined) name = realName;
    this.pax = new Map();
    this.longName = undefined;
    this.longLink = undefined;
    // Hard links, symlinks, devices, dirs and fifos carry no data even if size says so (GNU tar writes 0).
    const hasData = h.type === 'file' || h.type === 'contiguous' || h.type === 'gnu-sparse' || h.type === 'other';
    const dataSize = hasData ? size : 0;
    this.entries++;
    this.inEntry = true;
    events.push({
      kind: 'entry',
      entry: { name, linkname, size: dataSize, type: h.type, mode: h.mode, sparse, headerOffset: at, dataOffset: at + BLOCK },
    });
    this.dataLeft = dataSize;
    this.padLeft = padded(dataSize) - dataSize;
    if (dataSize === 0) this.endData(events);
  }

  private endData(events: TarEvent[]): void {
    const m = this.meta;
    if (m) {
      this.meta = undefined;
      const data = Buffer.concat(m.parts);
      if (m.type === 'pax-header') for (const [k, v] of parsePax(data, m.at)) this.pax.set(k, v);
      else if (m.type === 'gnu-long-name') this.longName = cstr(data);
      else if (m.type === 'gnu-long-link') this.longLink = cstr(data);
      // global pax headers: nothing we need from them
      return;
    }
    if (this.inEntry) {
      this.inEntry = false;
      events.push({ kind: 'entry-end' });
    }
  }
}

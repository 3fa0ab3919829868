/**
 * What every archive store answers from its index alone (names, kinds, sizes,
 * listings, refused and repeated names); each kind of archive adds only how its
 * bytes are read.
 */
import type { ArchiveIndex } from './archive-index.js';
import type { ContentStore, StoreListing, StoreStat, StreamJob } from './store.js';

export abstract class ArchiveStore implements ContentStore {
  protected constructor(
    readonly name: string,
    protected readonly index: ArchiveIndex,
  ) {}

  get escaping(): readonly string[] {
    return this.index.escaping;
  }

  get tooLong(): readonly string[] {
    return this.index.tooLong;
  }

  get duplicates(): ReadonlySet<string> {
    return this.index.duplicates;
  }

  label(path: string): string {
    return `${this.name}:${path}`;
  }

  stat(path: string): StoreStat {
    return this.index.stat(path);
  }

  hasDir(path: string): boolean {
    return this.index.hasDir(path);
  }

  hasRootFile(name: string): boolean {
    return this.index.stat(name).kind !== 'missing';
  }

  nestedLayout(): string | undefined {
    return this.index.nestedLayout();
  }

  listBlobs(): readonly StoreListing[] {
    return this.index.listBlobs();
  }

  abstract readSmall(path: string): Promise<Buffer>;
  abstract stream(jobs: readonly StreamJob[], concurrency: number): Promise<void>;
}

/** A blob that cannot be read (an I/O error, a file swapped for a link after it was checked) is a finding, not a crash. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLayout } from '../../../validators/image/layout.js';
import { DirStore } from '../../../validators/image/store/dir.js';
import type { StreamJob } from '../../../validators/image/store/store.js';
import { buildLayout } from '../../corpus/image/layouts/builder.js';

const work = mkdtempSync(join(tmpdir(), 'oci-layout-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

class FailingStore extends DirStore {
  constructor(
    root: string,
    private readonly bad: string,
  ) {
    super(root, 'layout');
  }

  override async readSmall(path: string): Promise<Buffer> {
    if (path === this.bad) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    return super.readSmall(path);
  }

  override async stream(jobs: readonly StreamJob[], concurrency: number): Promise<void> {
    for (const j of jobs) if (j.path === this.bad) j.sink.fail('read failed (EIO)');
    await super.stream(
      jobs.filter((j) => j.path !== this.bad),
      concurrency,
    );
  }
}

describe('I/O errors while walking a layout', () => {
  const dir = join(work, 'layout');
  const paths = buildLayout(
    {
      blobs: {
        l1: { layer: [{ name: 'a', data: 'a' }] },
        config: { config: ['l1'] },
        manifest: { manifest: { config: 'config', layers: ['l1'] } },
      },
    },
    dir,
    join(work, 'outside'),
  );

  it.each(['manifest', 'l1'])('an unreadable %s blob is layout.blob.unreadable on that blob', async (name) => {
    const path = paths.get(name)!;
    const results = await validateLayout(new FailingStore(dir, path));
    const errors = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.file}`));
    expect(errors).toEqual([`layout.blob.unreadable ${join('layout', path)}`]);
  });
});

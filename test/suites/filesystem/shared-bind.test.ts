import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedBind } from '../../../suites/filesystem/_lib/shared-bind.js';
import { parseMountinfo } from '../../../harness/inspect/mountinfo.js';

let dir: string;
beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'i9-shared-bind-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

const mountsAt = async (path: string): Promise<string[]> =>
  parseMountinfo(await readFile('/proc/self/mountinfo', 'utf8'))
    .filter((m) => m.mountPoint === path)
    .map((m) => m.propagation);

describe('sharedBind (real mount(8), as root)', () => {
  it('makes the directory a shared mount of its own, and release takes it away', async () => {
    const b = await sharedBind(dir);
    if (typeof b === 'string') throw new Error(b);
    try {
      expect(await mountsAt(dir)).toEqual(['shared']);
    } finally {
      await b.release();
    }
    expect(await mountsAt(dir)).toEqual([]);
  });

  it('a refusal of mount(8) is a reason naming the command, not a throw', async () => {
    const missing = join(dir, 'not-there');
    const r = await sharedBind(missing);
    expect(typeof r).toBe('string');
    expect(r).toMatch(new RegExp(`^mount --bind ${missing} failed: `));
    expect(await mountsAt(missing)).toEqual([]);
  });
});

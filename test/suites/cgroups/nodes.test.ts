import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNodes } from '../../../suites/linux/cgroups/devices/_nodes.js';

let bundle: string;
beforeEach(async () => void (bundle = await mkdtemp(join(tmpdir(), 'i9-nodes-'))));
afterEach(async () => rm(bundle, { recursive: true, force: true }));

describe('makeNodes (real mknod(1), as root)', () => {
  it('makes character nodes of major 42 in the rootfs', async () => {
    await makeNodes(bundle, [0, 7]);
    for (const m of [0, 7]) {
      const st = await stat(join(bundle, 'rootfs', 'oci-dev', `d${m}`));
      expect(st.isCharacterDevice()).toBe(true);
      expect([Math.floor(st.rdev / 256) & 0xfff, st.rdev & 0xff]).toEqual([42, m]);
    }
  });

  it('a node mknod refuses (one already there) rejects with the command in the message', async () => {
    await makeNodes(bundle, [3]);
    await expect(makeNodes(bundle, [3])).rejects.toThrow(/mknod .*d3 c 42 3/);
  });
});

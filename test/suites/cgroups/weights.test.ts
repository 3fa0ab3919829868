import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blkioToIoWeight, readResourcesOf, sharesToWeightLinear, sharesToWeightQuadratic, type CgroupLayout } from '../../../harness/inspect/cgroup-resources.js';
import { blkioDeviceWeight, blkioWeight, cpuShares } from '../../../suites/linux/cgroups/_lib/weights.js';
import { removeTree } from '../../../harness/cleanup.js';

describe('weight conversions runtimes use on cgroup v2', () => {
  it('blkio -> io.weight: 1 + (w - 10) * 9999 / 990 with integer division (runc, crun)', () => {
    // runc's own table (TestConvertBlkIOToIOWeightValue) and the v2 VM's reading of weight 500 (issue 11)
    expect([0, 10, 1000, 500].map(blkioToIoWeight)).toEqual([0, 1, 10000, 4950]);
    expect(blkioToIoWeight(400)).toBe(3940);
  });

  it('shares -> cpu.weight, linear: 1 + (s - 2) * 9999 / 262142', () => {
    expect([0, 2, 262144, 1024, 512].map(sharesToWeightLinear)).toEqual([0, 1, 10000, 39, 20]);
  });

  it('shares -> cpu.weight, quadratic (newer runc and crun): the table of opencontainers/cgroups and crun\'s 2/100/512/1024 -> 1/17/59/100', () => {
    const table: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
      [1024, 100],
      [262143, 10000],
      [262144, 10000],
      [262145, 10000],
      [100, 17],
      [512, 59],
    ];
    for (const [s, w] of table) expect(sharesToWeightQuadratic(s), String(s)).toBe(w);
  });
});

describe('weights on the spec scale from recorded v2 cgroup files', () => {
  async function read(files: Record<string, string>) {
    const root = await mkdtemp(join(tmpdir(), 'oci-conform-weights-'));
    try {
      const dir = join(root, 'c');
      await mkdir(dir);
      for (const [f, v] of Object.entries(files)) await writeFile(join(dir, f), `${v}\n`);
      const layout: CgroupLayout = { mode: 'v2', v1: {}, unified: root, unifiedControllers: ['cpu', 'io'], mountRoots: { [root]: '/' } };
      return await readResourcesOf({ v1: {}, unified: '/c' }, layout);
    } finally {
      await removeTree(root);
    }
  }

  it("io.weight 4950 is blkio weight 500 by runc's and crun's conversion (the v2 VM's reading), and the note says so", async () => {
    const seen = await read({ 'io.weight': 'default 4950' });
    expect(seen.blockIO?.weightFile).toBe('io.weight');
    const w = blkioWeight(500, seen.blockIO);
    expect(w.value).toBe(500);
    expect(w.how).toBe("io.weight 4950 is 500 on the spec's scale by runc's and crun's blkio -> io.weight conversion 1 + (w - 10) * 9999 / 990");
  });

  it('io.weight left at its default 100 is no conversion of 500: a mismatch that names what each conversion gives', async () => {
    const w = blkioWeight(500, (await read({ 'io.weight': 'default 100' })).blockIO);
    expect(w.value).toBe("io.weight 100, which no known conversion gives for 500 (runc's and crun's blkio -> io.weight conversion 1 + (w - 10) * 9999 / 990 gives 4950)");
    // and the raw value 500 in io.weight is not the spec's 500 either
    expect(blkioWeight(500, (await read({ 'io.weight': 'default 500' })).blockIO).value).not.toBe(500);
  });

  it('io.bfq.weight has the blkio scale: read as it is, in the newer (default/device lines) and the older (bare number) format', async () => {
    const both = await read({ 'io.bfq.weight': 'default 500\n8:0 400', 'io.weight': 'default 100' });
    expect(both.blockIO?.weightFile).toBe('io.bfq.weight');
    expect(blkioWeight(500, both.blockIO).value).toBe(500);
    expect(blkioDeviceWeight(400, both.blockIO, 8, 0)).toEqual({ value: 400, how: "io.bfq.weight 8:0 400 is 400 on the spec's scale by io.bfq.weight takes the blkio weight unconverted (runc, crun)" });
    expect(blkioDeviceWeight(400, both.blockIO, 8, 16).value).toBe('no 8:16 line in io.bfq.weight');
    expect(blkioWeight(500, (await read({ 'io.bfq.weight': '500' })).blockIO).value).toBe(500);
    expect(blkioWeight(500, (await read({ 'io.bfq.weight': '4950' })).blockIO).value).toMatch(/^io\.bfq\.weight 4950, which no known conversion/);
  });

  it('a device weight in io.weight is converted like the default; no weight file at all shows nothing (a skip)', async () => {
    const seen = await read({ 'io.weight': `default 100\n8:0 ${blkioToIoWeight(400)}` });
    expect(blkioDeviceWeight(400, seen.blockIO, 8, 0).value).toBe(400);
    expect(blkioWeight(500, (await read({ 'io.max': '' })).blockIO)).toEqual({});
    expect(blkioDeviceWeight(400, undefined, 8, 0)).toEqual({});
  });

  it('cpu.weight 20 (linear) and 59 (quadratic) are both shares 512; 39 is not', async () => {
    expect(cpuShares(512, (await read({ 'cpu.weight': '20' })).cpu?.weight)).toEqual({ value: 512, how: "cpu.weight 20 is 512 on the spec's scale by the linear shares -> cpu.weight conversion 1 + (s - 2) * 9999 / 262142 (runc and crun as they long were)" });
    expect(cpuShares(512, 59).how).toContain('by the quadratic shares -> cpu.weight conversion');
    expect(cpuShares(512, 39).value).toMatch(/^cpu\.weight 39, which no known conversion gives for 512 \(.* gives 20; .* gives 59\)$/);
    expect(cpuShares(512, undefined)).toEqual({});
  });

  it('v1 values already have the spec scale', () => {
    expect(blkioWeight(500, { weight: 500 })).toEqual({ value: 500 });
    expect(blkioDeviceWeight(400, { weightDevice: [{ major: 8, minor: 0, weight: 400 }] }, 8, 0)).toEqual({ value: 400 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cgroupDir, controllerVersion, detectCgroupLayout, layoutFromMounts, type CgroupLayout } from '../../harness/inspect/cgroup-layout.js';
import { parseMountinfo } from '../../harness/inspect/mountinfo.js';
import { readCgroupResources, readResourcesOf, sharesToWeightLinear as sharesToWeight } from '../../harness/inspect/cgroup-resources.js';
import { compare } from '../../harness/inspect/compare.js';
import { removeTree } from '../../harness/cleanup.js';
import { startContainer, type TestContainer } from './helpers/container.js';

const V2_ONLY = `25 1 0:22 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n`;
const HYBRID = [
  '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
  '32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct',
  '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
  '40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd',
  '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
].join('\n');

describe('cgroup layout', () => {
  it('tells v2, hybrid and v1 apart from a mount table', () => {
    expect(layoutFromMounts(parseMountinfo(V2_ONLY), ['memory', 'pids']).mode).toBe('v2');
    const h = layoutFromMounts(parseMountinfo(HYBRID), ['hugetlb']);
    expect(h.mode).toBe('hybrid');
    expect(h.v1).toEqual({ cpu: '/sys/fs/cgroup/cpu,cpuacct', cpuacct: '/sys/fs/cgroup/cpu,cpuacct', memory: '/sys/fs/cgroup/memory', 'name=systemd': '/sys/fs/cgroup/systemd' });
    expect(controllerVersion(h, 'hugetlb')).toBe('v2');
    expect(controllerVersion(h, 'memory')).toBe('v1');
    expect(layoutFromMounts(parseMountinfo(HYBRID.split('\n').slice(0, 4).join('\n'))).mode).toBe('v1');
  });

  it('this host: hybrid, v1 memory and pids, cgroup2 at /sys/fs/cgroup/unified (HOST.md)', async () => {
    const l = await detectCgroupLayout();
    expect(l.mode).toBe('hybrid');
    expect(l.v1.memory).toBe('/sys/fs/cgroup/memory');
    expect(l.v1.pids).toBe('/sys/fs/cgroup/pids');
    expect(l.unified).toBe('/sys/fs/cgroup/unified');
    expect(l.unifiedControllers).toEqual(['hugetlb']);
  });

  it('maps a process path under a mount whose root is not /', () => {
    const l: CgroupLayout = { mode: 'v1', v1: { memory: '/m' }, unifiedControllers: [], mountRoots: { '/m': '/outer' } };
    expect(cgroupDir(l, { v1: { memory: '/outer/a/b' } }, 'memory')).toBe('/m/a/b');
  });
});

describe('cgroup readers on a real runc container (this host: cgroup v1)', () => {
  let c: TestContainer;
  const resources = {
    memory: { limit: 64 * 1024 * 1024, reservation: 32 * 1024 * 1024, swap: 128 * 1024 * 1024, swappiness: 10, disableOOMKiller: true },
    cpu: { shares: 512, quota: 50_000, period: 100_000, cpus: '0', mems: '0' },
    pids: { limit: 50 },
    blockIO: { throttleReadBpsDevice: [{ major: 254, minor: 0, rate: 1_048_576 }], throttleWriteIOPSDevice: [{ major: 254, minor: 0, rate: 300 }] },
  };
  beforeAll(async () => {
    c = await startContainer((b) => b.withResources(resources));
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('reads back exactly the resources the config asked for, in the spec shape', async () => {
    const seen = await readCgroupResources(c.pid, await detectCgroupLayout());
    expect(compare(resources, seen)).toEqual([]);
    expect(seen.devices?.length).toBeGreaterThan(0);
  });

  it('compare reports a mismatch with its path', async () => {
    const seen = await readCgroupResources(c.pid, await detectCgroupLayout());
    expect(compare({ pids: { limit: 51 }, cpu: { cpus: '1' } }, seen)).toEqual([
      { path: 'pids.limit', expected: 51, actual: 50 },
      { path: 'cpu.cpus', expected: '1', actual: '0' },
    ]);
  });
});

describe('cgroup v2 readers over a recorded cgroupfs directory', () => {
  it('reads memory, cpu, pids, io, hugetlb and rdma in the spec shape', async () => {
    const root = await mkdtemp(join(tmpdir(), 'oci-conform-v2-'));
    try {
      const dir = join(root, 'cg', 'c1');
      await mkdir(dir, { recursive: true });
      const files: Record<string, string> = {
        'memory.max': '67108864',
        'memory.low': '33554432',
        'memory.swap.max': '67108864',
        'cpu.weight': String(sharesToWeight(512)),
        'cpu.max': '50000 100000',
        'cpuset.cpus': '0-1',
        'cpuset.mems': '0',
        'pids.max': 'max',
        'io.max': '254:0 rbps=1048576 wbps=max riops=max wiops=300',
        'io.weight': 'default 100\n254:0 200',
        'hugetlb.2MB.max': '4194304',
        'hugetlb.1GB.max': 'max',
        'rdma.max': 'mlx4_0 hca_handle=2 hca_object=max',
      };
      for (const [f, v] of Object.entries(files)) await writeFile(join(dir, f), `${v}\n`);
      const layout: CgroupLayout = { mode: 'v2', v1: {}, unified: root, unifiedControllers: ['memory', 'cpu', 'cpuset', 'pids', 'io', 'hugetlb', 'rdma'], mountRoots: { [root]: '/' } };
      const seen = await readResourcesOf({ v1: {}, unified: '/cg/c1' }, layout);
      expect(seen.memory).toEqual({ limit: 67108864, reservation: 33554432, swap: 134217728 });
      expect(seen.cpu).toEqual({ weight: sharesToWeight(512), quota: 50000, period: 100000, cpus: '0-1', mems: '0' });
      expect(seen.pids).toEqual({ limit: -1 });
      expect(seen.blockIO).toEqual({
        weight: 100,
        weightDevice: [{ major: 254, minor: 0, weight: 200 }],
        weightFile: 'io.weight',
        throttleReadBpsDevice: [{ major: 254, minor: 0, rate: 1048576 }],
        throttleWriteBpsDevice: [],
        throttleReadIOPSDevice: [],
        throttleWriteIOPSDevice: [{ major: 254, minor: 0, rate: 300 }],
      });
      expect(seen.hugepageLimits).toEqual([
        { pageSize: '1GB', limit: -1 },
        { pageSize: '2MB', limit: 4194304 },
      ]);
      expect(seen.rdma).toEqual({ mlx4_0: { hcaHandles: 2 } });
      expect(sharesToWeight(1024)).toBe(39);
      expect(sharesToWeight(2)).toBe(1);
      expect(sharesToWeight(262144)).toBe(10000);
    } finally {
      await removeTree(root);
    }
  });
});

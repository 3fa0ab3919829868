/**
 * What linux.resources turns into, per host kind, without touching cgroups:
 * a fake view says which hierarchy serves each controller and which files
 * exist. (host.test.ts applies them for real on this host.)
 */
import { describe, expect, it } from 'vitest';
import { resourceWrites } from '../../../runtime/cgroups/apply.js';
import { deviceLine, deviceProgramEntries } from '../../../runtime/cgroups/resources/devices.js';
import type { CgroupView, Version } from '../../../runtime/cgroups/resources/types.js';
import type { Resources, Spec } from '../../../runtime/spec.js';

const SPEC: Spec = { ociVersion: '1.2.0' };

function view(v1: string[], v2: string[] | undefined, missing: string[] = []): CgroupView {
  return {
    serving: (c) => (v1.includes(c) ? 'v1' : v2?.includes(c) ? 'v2' : undefined),
    unifiedOffers: (c) => v2?.includes(c) ?? false,
    unifiedControllers: v2,
    has: (_c: string, _v: Version, file: string) => !missing.includes(file),
  };
}
const V2 = view([], ['cpu', 'cpuset', 'io', 'memory', 'pids', 'hugetlb', 'rdma']);
const V1 = view(['cpu', 'cpuset', 'memory', 'pids', 'blkio', 'devices', 'hugetlb', 'net_cls', 'net_prio'], undefined);
/** This host's kind: v1 controllers, unified with hugetlb only, no net_cls/net_prio/rdma. */
const HYBRID = view(['cpu', 'cpuset', 'memory', 'pids', 'blkio', 'devices'], ['hugetlb']);

const writes = (r: Resources, v: CgroupView, spec = SPEC): string[] => resourceWrites(r, spec, v).map((w) => `${w.version} ${w.file}=${w.value}`);
const refusal = (r: Resources, v: CgroupView): string => {
  try {
    resourceWrites(r, SPEC, v);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('cgroup v2 writes', () => {
  it('memory: max, low, and swap.max as swap minus memory (the spec counts memory+swap)', () => {
    expect(writes({ memory: { limit: 67108864, swap: 134217728, reservation: 33554432 } }, V2)).toEqual(['v2 memory.max=67108864', 'v2 memory.swap.max=67108864', 'v2 memory.low=33554432']);
    expect(writes({ memory: { limit: -1, swap: -1 } }, V2)).toEqual(['v2 memory.max=max', 'v2 memory.swap.max=max']);
  });
  it('memory fields v2 has no file for are refused, naming the field', () => {
    expect(refusal({ memory: { kernel: 1 } }, V2)).toBe('linux.resources.memory.kernel: cgroup v2 has no separate kernel memory limit');
    expect(refusal({ memory: { kernelTCP: 1 } }, V2)).toMatch(/^linux\.resources\.memory\.kernelTCP: /);
    expect(refusal({ memory: { swappiness: 10 } }, V2)).toMatch(/^linux\.resources\.memory\.swappiness: /);
    expect(refusal({ memory: { disableOOMKiller: true } }, V2)).toMatch(/^linux\.resources\.memory\.disableOOMKiller: /);
    expect(refusal({ memory: { swap: 10 } }, V2)).toMatch(/^linux\.resources\.memory\.swap: .*needs memory\.limit/);
    expect(refusal({ memory: { limit: 100, swap: 10 } }, V2)).toMatch(/below memory\.limit/);
    expect(writes({ memory: { useHierarchy: true, disableOOMKiller: false } }, V2)).toEqual([]);
  });
  it('cpu: shares to weight (runc/crun formula), cpu.max, burst, idle, cpuset', () => {
    expect(writes({ cpu: { shares: 512, quota: 50000, period: 100000, burst: 10000, idle: 1, cpus: '0', mems: '0' } }, V2)).toEqual([
      'v2 cpu.weight=20',
      'v2 cpu.max=50000 100000',
      'v2 cpu.max.burst=10000',
      'v2 cpu.idle=1',
      'v2 cpuset.cpus=0',
      'v2 cpuset.mems=0',
    ]);
    expect(writes({ cpu: { period: 100000 } }, V2)).toEqual(['v2 cpu.max=max 100000']);
    expect(writes({ cpu: { quota: -1 } }, V2)).toEqual(['v2 cpu.max=max']);
    expect(refusal({ cpu: { realtimeRuntime: 1000 } }, V2)).toMatch(/^linux\.resources\.cpu\.realtimeRuntime: cgroup v2 has no realtime budget/);
    expect(refusal({ cpu: { burst: 1 } }, view([], ['cpu'], ['cpu.max.burst']))).toMatch(/^linux\.resources\.cpu\.burst: the cpu cgroup has no cpu\.max\.burst \(CFS burst needs Linux 5\.14\)$/);
  });
  it('pids: 0 is a limit, a negative one is max', () => {
    expect(writes({ pids: { limit: 0 } }, V2)).toEqual(['v2 pids.max=0']);
    expect(writes({ pids: { limit: -1 } }, V2)).toEqual(['v2 pids.max=max']);
  });
  it('io: bfq weight (blkio scale) when there, else io.weight through runc\'s conversion; throttles to io.max; no leaf weight', () => {
    expect(writes({ blockIO: { weight: 500, weightDevice: [{ major: 8, minor: 0, weight: 400 }], throttleReadBpsDevice: [{ major: 8, minor: 0, rate: 10 }], throttleWriteIOPSDevice: [{ major: 8, minor: 0, rate: 5 }] } }, V2)).toEqual([
      'v2 io.bfq.weight=500',
      'v2 io.bfq.weight=8:0 400',
      'v2 io.max=8:0 rbps=10',
      'v2 io.max=8:0 wiops=5',
    ]);
    // the value runc 1.1.5 writes on the v2 VM (issue 11): 1 + (500 - 10) * 9999 / 990 = 4950
    expect(writes({ blockIO: { weight: 500, weightDevice: [{ major: 8, minor: 0, weight: 400 }] } }, view([], ['io'], ['io.bfq.weight']))).toEqual(['v2 io.weight=default 4950', 'v2 io.weight=8:0 3940']);
    expect(writes({ blockIO: { weight: 10 } }, view([], ['io'], ['io.bfq.weight']))).toEqual(['v2 io.weight=default 1']);
    expect(writes({ blockIO: { weight: 1000 } }, view([], ['io'], ['io.bfq.weight']))).toEqual(['v2 io.weight=default 10000']);
    expect(refusal({ blockIO: { weight: 500 } }, view([], ['io'], ['io.bfq.weight', 'io.weight']))).toMatch(/^linux\.resources\.blockIO\.weight: no io\.bfq\.weight or io\.weight: no proportional-weight/);
    expect(refusal({ blockIO: { leafWeight: 10 } }, V2)).toBe('linux.resources.blockIO.leafWeight: cgroup v2 has no leaf weight');
  });
  it('hugetlb, rdma and unified keys', () => {
    expect(writes({ hugepageLimits: [{ pageSize: '2MB', limit: 8388608 }], rdma: { mlx4_0: { hcaHandles: 2, hcaObjects: 2000 } }, unified: { 'memory.high': '67108864', 'cgroup.max.depth': '3' } }, V2)).toEqual([
      'v2 hugetlb.2MB.max=8388608',
      'v2 rdma.max=mlx4_0 hca_handle=2 hca_object=2000',
      'v2 memory.high=67108864',
      'v2 cgroup.max.depth=3',
    ]);
    expect(refusal({ hugepageLimits: [{ pageSize: '1GB', limit: 1 }] }, view([], ['hugetlb'], ['hugetlb.1GB.max']))).toMatch(/^linux\.resources\.hugepageLimits\[0\]: .*no 1GB huge pages/);
    expect(refusal({ unified: { '../x': '1' } }, V2)).toMatch(/not the name of a cgroup file/);
    expect(refusal({ unified: { 'ociconformnone.max': '1' } }, V2)).toMatch(/^linux\.resources\.unified\["ociconformnone\.max"\]: the unified hierarchy has no ociconformnone controller/);
  });
  it('devices: no file writes; an eBPF program unless the rules come down to allowing everything', () => {
    const deny = [{ allow: false, access: 'rwm' }, { allow: true, type: 'c', major: 42, minor: 1, access: 'r' }];
    expect(writes({ devices: deny }, V2)).toEqual([]);
    expect(deviceProgramEntries(deny, SPEC, V2)?.map(deviceLine).slice(0, 3)).toEqual(['a', 'a', 'c 42:1 r']);
    expect(deviceProgramEntries([{ allow: false, access: 'rwm' }, { allow: true, access: 'rwm' }], SPEC, V2)).toBeUndefined();
    expect(deviceProgramEntries([{ allow: true, access: 'rwm' }, { allow: false, type: 'c', major: 1, minor: 3 }], SPEC, V2)).toBeDefined();
    expect(deviceProgramEntries(undefined, SPEC, V2)).toBeUndefined();
    expect(deviceProgramEntries(deny, SPEC, V1)).toBeUndefined();
  });
  it('network has no v2 controller: refused', () => {
    expect(refusal({ network: { classID: 1 } }, V2)).toMatch(/^linux\.resources\.network\.classID: this host has no net_cls cgroup controller/);
  });
});

describe('cgroup v1 writes', () => {
  it('memory: v1 files, kernel limits verified after writing', () => {
    const w = resourceWrites({ memory: { limit: 1, swap: 2, reservation: 3, kernel: 4, kernelTCP: 5, swappiness: 6, disableOOMKiller: true, useHierarchy: true } }, SPEC, V1);
    expect(w.map((x) => `${x.file}=${x.value}`)).toEqual([
      'memory.limit_in_bytes=1',
      'memory.memsw.limit_in_bytes=2',
      'memory.soft_limit_in_bytes=3',
      'memory.kmem.limit_in_bytes=4',
      'memory.kmem.tcp.limit_in_bytes=5',
      'memory.swappiness=6',
      'memory.oom_control=1',
      'memory.use_hierarchy=1',
    ]);
    const kmem = w.find((x) => x.file === 'memory.kmem.limit_in_bytes')!;
    expect(kmem.verify?.('9223372036854771712\n')).toMatch(/reads as unlimited/);
    expect(kmem.verify?.('4096\n')).toBeUndefined();
    expect(refusal({ memory: { swap: 2 } }, view(['memory'], undefined, ['memory.memsw.limit_in_bytes']))).toMatch(/^linux\.resources\.memory\.swap: .*swap accounting is off/);
  });
  it('cpu: CFS and RT files, the RT budget also given to the ancestors we created', () => {
    const w = resourceWrites({ cpu: { shares: 512, quota: 50000, period: 100000, burst: 10000, realtimeRuntime: 1000, realtimePeriod: 1000000 } }, SPEC, V1);
    expect(w.map((x) => `${x.file}=${x.value}${x.ancestorsFirst ? ' (ancestors first)' : ''}`)).toEqual([
      'cpu.shares=512',
      'cpu.cfs_period_us=100000',
      'cpu.cfs_quota_us=50000',
      'cpu.cfs_burst_us=10000',
      'cpu.rt_period_us=1000000 (ancestors first)',
      'cpu.rt_runtime_us=1000 (ancestors first)',
    ]);
    expect(refusal({ cpu: { realtimeRuntime: 1 } }, view(['cpu'], undefined, ['cpu.rt_runtime_us']))).toMatch(/no RT group scheduling/);
  });
  it('blkio: weight file of CFQ or BFQ, or refused; throttle lines', () => {
    expect(writes({ blockIO: { weight: 500, leafWeight: 300, weightDevice: [{ major: 8, minor: 0, weight: 400, leafWeight: 200 }], throttleWriteBpsDevice: [{ major: 8, minor: 0, rate: 7 }] } }, V1)).toEqual([
      'v1 blkio.weight=500',
      'v1 blkio.leaf_weight=300',
      'v1 blkio.weight_device=8:0 400',
      'v1 blkio.leaf_weight_device=8:0 200',
      'v1 blkio.throttle.write_bps_device=8:0 7',
    ]);
    expect(writes({ blockIO: { weight: 500 } }, view(['blkio'], undefined, ['blkio.weight']))).toEqual(['v1 blkio.bfq.weight=500']);
    const noSched = view(['blkio'], undefined, ['blkio.weight', 'blkio.bfq.weight', 'blkio.leaf_weight']);
    expect(refusal({ blockIO: { weight: 500 } }, noSched)).toMatch(/^linux\.resources\.blockIO\.weight: no blkio\.weight or blkio\.bfq\.weight/);
    expect(refusal({ blockIO: { leafWeight: 300 } }, noSched)).toMatch(/^linux\.resources\.blockIO\.leafWeight: /);
  });
  it('devices: deny all, the rules in order, then the default devices and linux.devices', () => {
    const spec: Spec = { ociVersion: '1.2.0', linux: { devices: [{ type: 'c', path: '/dev/fuse', major: 10, minor: 229 }, { type: 'p', path: '/dev/fifo' }] } };
    const got = writes({ devices: [{ allow: false, access: 'rwm' }, { allow: true, type: 'c', major: 42, minor: 2, access: 'r' }, { allow: false, type: 'c', major: 42, minor: 2, access: 'r' }, { allow: true, type: 'b', major: 8 }] }, V1, spec);
    expect(got.slice(0, 5)).toEqual(['v1 devices.deny=a', 'v1 devices.deny=a', 'v1 devices.allow=c 42:2 r', 'v1 devices.deny=c 42:2 r', 'v1 devices.allow=b 8:* rwm']);
    expect(got.slice(5)).toEqual(['c 1:3', 'c 1:5', 'c 1:7', 'c 1:8', 'c 1:9', 'c 5:0', 'c 5:1', 'c 5:2', 'c 136:*', 'c 10:229'].map((d) => `v1 devices.allow=${d} rwm`));
    expect(writes({}, V1)).toEqual([]);
    expect(refusal({ devices: [{ allow: true, type: 'x' }] }, V1)).toMatch(/^linux\.resources\.devices\[0\]\.type: /);
    expect(refusal({ devices: [{ allow: true, access: 'rwx' }] }, V1)).toMatch(/^linux\.resources\.devices\[0\]\.access: /);
  });
  it('network: classid and one ifpriomap line per interface', () => {
    expect(writes({ network: { classID: 1048577, priorities: [{ name: 'lo', priority: 5 }, { name: 'eth0', priority: 2 }] } }, V1)).toEqual(['v1 net_cls.classid=1048577', 'v1 net_prio.ifpriomap=lo 5', 'v1 net_prio.ifpriomap=eth0 2']);
  });
  it('unified without a unified hierarchy is refused', () => {
    expect(refusal({ unified: { 'pids.max': '1' } }, V1)).toMatch(/this host has no unified \(cgroup v2\) hierarchy/);
  });
});

describe('hybrid (this host kind)', () => {
  it('hugetlb from the unified hierarchy; v1 for the rest', () => {
    expect(writes({ hugepageLimits: [{ pageSize: '2MB', limit: 8388608 }], pids: { limit: 5 } }, HYBRID)).toEqual(['v1 pids.max=5', 'v2 hugetlb.2MB.max=8388608']);
  });
  it('unified keys only for controllers the unified hierarchy offers', () => {
    expect(refusal({ unified: { 'pids.max': '42' } }, HYBRID)).toBe('linux.resources.unified["pids.max"]: the unified hierarchy has no pids controller (it offers: hugetlb)');
    expect(writes({ unified: { 'hugetlb.2MB.max': 'max' } }, HYBRID)).toEqual(['v2 hugetlb.2MB.max=max']);
  });
  it('network and rdma without their controllers are refused, not ignored', () => {
    expect(refusal({ network: { priorities: [{ name: 'lo', priority: 5 }] } }, HYBRID)).toMatch(/^linux\.resources\.network\.priorities\[0\]: this host has no net_prio cgroup controller/);
    expect(refusal({ rdma: { mlx4_0: { hcaHandles: 1 } } }, HYBRID)).toMatch(/^linux\.resources\.rdma\["mlx4_0"\]: this host has no rdma cgroup controller/);
  });
});

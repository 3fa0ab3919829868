import { describe, expect, it } from 'vitest';
import { hierarchiesFrom } from '../../../runtime/cgroups/layout.js';
import { planCgroupsOn } from '../../../runtime/cgroups/plan.js';

const HYBRID_MOUNTS = [
  '30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
  '31 30 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct',
  '34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
  '39 30 0:36 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd',
  '40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
].join('\n');
const HYBRID_PROC = ['9:name=systemd:/user.slice', '4:memory:/process_api/abc', '1:cpu,cpuacct:/', '0::/user.slice'].join('\n');
const V2_MOUNTS = '25 1 0:22 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n26 25 0:22 / /mnt/again rw - cgroup2 cgroup2 rw';
const unified = (ctrls: string[]) => (): string[] => ctrls;

describe('cgroup hierarchies from mountinfo and /proc/self/cgroup', () => {
  it('hybrid: one entry per v1 controller mount (named hierarchies left out) and the unified one', () => {
    const h = hierarchiesFrom(HYBRID_MOUNTS, HYBRID_PROC, unified(['hugetlb']));
    expect(h).toEqual([
      { version: 'v1', mountPoint: '/sys/fs/cgroup/cpu,cpuacct', controllers: ['cpu', 'cpuacct'], own: '/' },
      { version: 'v1', mountPoint: '/sys/fs/cgroup/memory', controllers: ['memory'], own: '/process_api/abc' },
      { version: 'v2', mountPoint: '/sys/fs/cgroup/unified', controllers: ['hugetlb'], own: '/user.slice' },
    ]);
  });

  it('pure v2: the first mount of the hierarchy only; the caller place is relative to the mount root', () => {
    const h = hierarchiesFrom(V2_MOUNTS, '0::/system.slice/x.service', unified(['cpu', 'memory', 'pids']));
    expect(h).toEqual([{ version: 'v2', mountPoint: '/sys/fs/cgroup', controllers: ['cpu', 'memory', 'pids'], own: '/system.slice/x.service' }]);
    const inNs = hierarchiesFrom('25 1 0:22 /system.slice /sys/fs/cgroup rw - cgroup2 cgroup2 rw', '0::/system.slice/x.service', unified([]));
    expect(inNs[0]?.own).toBe('/x.service');
  });

  it('a hierarchy the process has no line for is left out', () => {
    expect(hierarchiesFrom(HYBRID_MOUNTS, '4:memory:/a', unified([])).map((x) => x.mountPoint)).toEqual(['/sys/fs/cgroup/memory']);
  });
});

describe('planCgroups', () => {
  const h = hierarchiesFrom(HYBRID_MOUNTS, HYBRID_PROC, unified(['hugetlb']));
  const paths = (p: string | undefined, id = 'c1'): string[] => planCgroupsOn(h, p, id).cgroups.map((c) => `${c.mountPoint}:${c.path}`);

  it('absolute: from each hierarchy root', () => {
    expect(paths('/a/b')).toEqual(['/sys/fs/cgroup/cpu,cpuacct:/a/b', '/sys/fs/cgroup/memory:/a/b', '/sys/fs/cgroup/unified:/a/b']);
  });
  it("relative: beneath the caller's own cgroup in each v1 hierarchy, beneath its parent on v2 (runc's fs2: a cgroup with processes can't enable controllers)", () => {
    expect(paths('a/b')).toEqual(['/sys/fs/cgroup/cpu,cpuacct:/a/b', '/sys/fs/cgroup/memory:/process_api/abc/a/b', '/sys/fs/cgroup/unified:/a/b']);
    const v2 = hierarchiesFrom(V2_MOUNTS, '0::/user.slice/user-0.slice/session-1.scope', unified(['memory']));
    expect(planCgroupsOn(v2, 'x/y', 'c1').cgroups.map((c) => c.path)).toEqual(['/user.slice/user-0.slice/x/y']);
    expect(planCgroupsOn(hierarchiesFrom(V2_MOUNTS, '0::/', unified([])), 'x', 'c1').cgroups.map((c) => c.path)).toEqual(['/x']);
  });
  it('absent: oci-ts-runtime/<id> beneath the caller', () => {
    expect(paths(undefined, 'web')).toEqual(['/sys/fs/cgroup/cpu,cpuacct:/oci-ts-runtime/web', '/sys/fs/cgroup/memory:/process_api/abc/oci-ts-runtime/web', '/sys/fs/cgroup/unified:/oci-ts-runtime/web']);
  });
  it('.. that stays inside is resolved; .. that climbs out is refused in one line', () => {
    expect(paths('a/../b/./c')).toContain('/sys/fs/cgroup/memory:/process_api/abc/b/c');
    expect(paths('/x/../y')).toContain('/sys/fs/cgroup/memory:/y');
    expect(() => paths('../escape')).toThrow(/^linux\.cgroupsPath "\.\.\/escape": '\.\.' climbs out of the runtime's own cgroup$/);
    expect(() => paths('a/../../b')).toThrow(/climbs out/);
    expect(() => paths('/../b')).toThrow(/climbs out of the hierarchy root/);
  });
  it('a path naming the root or the caller itself is refused; so is an id that cannot name a directory', () => {
    expect(() => paths('/')).toThrow(/names the root cgroup/);
    expect(() => paths('a/..')).toThrow(/names the runtime's own cgroup/);
    expect(() => paths(undefined, 'a/b')).toThrow(/cannot name a cgroup/);
    expect(() => paths(undefined, '..')).toThrow(/cannot name a cgroup/);
  });
});

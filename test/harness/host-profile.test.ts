import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectCgroupLayout } from '../../harness/inspect/cgroup-layout.js';
import { driverOf, hostsMatch, readHostProfile, unknownHostTerm, type HostFileReader } from '../../harness/host-profile.js';
import { describeCgroups, describeHost } from '../../reporters/conform/host-line.js';

/** The recorded files of one host (test/harness/hosts/<name>.json: absolute path -> content), as a reader. */
function recorded(name: string, over: Record<string, string | undefined> = {}): HostFileReader {
  const files = { ...(JSON.parse(readFileSync(join(import.meta.dirname, 'hosts', `${name}.json`), 'utf8')) as Record<string, string>), ...over };
  return async (p) => files[p];
}

async function profileOf(name: string, o: { uid?: number; globalArgs?: string[]; over?: Record<string, string | undefined> } = {}) {
  const read = recorded(name, o.over);
  const layout = await detectCgroupLayout(read);
  return readHostProfile({ layout, globalArgs: o.globalArgs ?? [], read, uid: o.uid ?? 0, kernel: '6.1.0-test' });
}

describe('host profile from recorded /proc and /sys files', () => {
  it('hybrid (recorded on the development host): v1 controllers, hugetlb alone on cgroup2, root, cgroupfs, no LSM', async () => {
    const h = await profileOf('hybrid');
    expect(h.name).toBe('hybrid');
    expect(h.cgroups).toEqual({ layout: 'hybrid', v1: ['blkio', 'cpu', 'cpuacct', 'cpuset', 'devices', 'freezer', 'memory', 'pids'], v2: ['hugetlb'], unifiedMount: '/sys/fs/cgroup/unified' });
    expect(h.lsm).toEqual({ active: null, apparmor: false, selinux: false });
    expect(h.user).toEqual({ uid: 0, rootless: false });
    expect(h.cgroupDriver).toBe('cgroupfs');
    expect(h.terms).toEqual(['cgroup-v1', 'cgroup-hybrid', 'root', 'cgroupfs']);
    expect(describeCgroups(h)).toBe('hybrid: v1 blkio,cpu,cpuacct,cpuset,devices,freezer,memory,pids | v2 (/sys/fs/cgroup/unified) hugetlb');
    expect(describeHost(h)).toBe('hybrid: Linux 6.1.0-test, root, cgroup driver cgroupfs (pid 1: process_api), LSMs not listed (no /sys/kernel/security/lsm), AppArmor off, SELinux off');
  });

  it('v2: every controller on the unified hierarchy, AppArmor from the LSM list and the module parameter', async () => {
    const h = await profileOf('v2');
    expect(h.name).toBe('v2');
    expect(h.cgroups).toEqual({ layout: 'v2', v1: [], v2: ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'], unifiedMount: '/sys/fs/cgroup' });
    expect(h.lsm).toEqual({ active: ['lockdown', 'capability', 'landlock', 'yama', 'apparmor', 'tomoyo'], apparmor: true, selinux: false });
    expect(h.terms).toEqual(['cgroup-v2', 'root', 'apparmor', 'cgroupfs']);
    expect(describeHost(h)).toContain('LSMs lockdown,capability,landlock,yama,apparmor,tomoyo, AppArmor on, SELinux off');
  });

  it('v1: only v1 hierarchies (named systemd one left out of the controllers), SELinux enforcing, systemd as pid 1', async () => {
    const h = await profileOf('v1');
    expect(h.name).toBe('v1');
    expect(h.cgroups.layout).toBe('v1');
    expect(h.cgroups.v1).toEqual(['blkio', 'cpu', 'cpuacct', 'cpuset', 'devices', 'freezer', 'hugetlb', 'memory', 'misc', 'net_cls', 'net_prio', 'perf_event', 'pids', 'rdma']);
    expect(h.cgroups.v2).toEqual([]);
    expect(h.cgroups.unifiedMount).toBeUndefined();
    expect(h.lsm).toEqual({ active: null, apparmor: false, selinux: 'enforcing' });
    expect(h.init).toBe('systemd');
    expect(h.terms).toEqual(['cgroup-v1', 'cgroup-v1-only', 'root', 'selinux', 'cgroupfs']);
    expect(describeCgroups(h)).toMatch(/^v1: v1 blkio,.*\| no cgroup2 mount$/);
  });

  it('rootless: another uid, or uid 0 inside a user namespace that maps only part of the ids', async () => {
    const other = await profileOf('v2', { uid: 1000 });
    expect(other.name).toBe('v2-rootless');
    expect(other.user).toEqual({ uid: 1000, rootless: true });
    expect(other.terms).toContain('rootless');
    expect(other.terms).not.toContain('root');
    const mapped = await profileOf('hybrid', { over: { '/proc/self/uid_map': '         0       1000          1\n' } });
    expect(mapped.name).toBe('hybrid-rootless');
  });

  it('AppArmor counts only when the module says Y and the LSM list (when there is one) has it', async () => {
    expect((await profileOf('v2', { over: { '/sys/module/apparmor/parameters/enabled': 'N\n' } })).lsm.apparmor).toBe(false);
    expect((await profileOf('v2', { over: { '/sys/kernel/security/lsm': 'capability,yama' } })).lsm.apparmor).toBe(false);
    expect((await profileOf('v2', { over: { '/sys/kernel/security/lsm': undefined } })).lsm).toEqual({ active: null, apparmor: true, selinux: false });
    expect((await profileOf('v1', { over: { '/sys/fs/selinux/enforce': '0' } })).lsm.selinux).toBe('permissive');
  });

  it('the cgroup driver is what the runtime profile tells the runtime', async () => {
    expect(driverOf([])).toBe('cgroupfs');
    expect(driverOf(['--systemd-cgroup'])).toBe('systemd');
    expect(driverOf(['--cgroup-manager=systemd'])).toBe('systemd');
    expect(driverOf(['--cgroup-manager', 'systemd'])).toBe('systemd');
    expect(driverOf(['--cgroup-manager', 'cgroupfs'])).toBe('cgroupfs');
    expect((await profileOf('v2', { globalArgs: ['--systemd-cgroup'] })).terms).toEqual(['cgroup-v2', 'root', 'apparmor', 'systemd']);
  });

  it('an unreadable mountinfo is an error, not an empty layout', async () => {
    await expect(detectCgroupLayout(async () => undefined)).rejects.toThrow(/mountinfo/);
  });

  it('this host (HOST.md): hybrid, root, no LSM', async () => {
    const h = await readHostProfile({ layout: await detectCgroupLayout(), globalArgs: [] });
    expect(h.name).toBe('hybrid');
    expect(h.lsm.apparmor).toBe(false);
    expect(h.lsm.selinux).toBe(false);
  });
});

describe('host words of expectation files', () => {
  it('an item holds when all its +-joined words hold; a list when any item does', () => {
    const v2root = ['cgroup-v2', 'root', 'apparmor', 'cgroupfs'];
    expect(hostsMatch(['cgroup-v2'], v2root)).toBe(true);
    expect(hostsMatch(['cgroup-v1'], v2root)).toBe(false);
    expect(hostsMatch(['cgroup-v1', 'cgroup-v2'], v2root)).toBe(true);
    expect(hostsMatch(['cgroup-v2+rootless'], v2root)).toBe(false);
    expect(hostsMatch(['cgroup-v2+apparmor'], v2root)).toBe(true);
  });

  it('names the first unknown word and where it is', () => {
    expect(unknownHostTerm(['cgroup-v2', 'root'])).toBeUndefined();
    expect(unknownHostTerm(['cgroup-v2', 'cgroupv1'])).toEqual([1, 'cgroupv1']);
    expect(unknownHostTerm(['cgroup-v2+rotless'])).toEqual([0, 'rotless']);
  });
});

import { describe, expect, it } from 'vitest';
import { CONDITIONS } from '../../harness/conditions.js';
import { probeConditions } from '../../harness/probe.js';
import { detectCgroupLayout, layoutFromMounts } from '../../harness/inspect/cgroup-layout.js';
import { parseMountinfo } from '../../harness/inspect/mountinfo.js';

describe('host conditions', () => {
  it('this host (HOST.md): root, hybrid cgroups, user and time namespaces; no LSMs, no net_cls, hugetlb only on cgroup2, no CAP_SYS_RESOURCE', async () => {
    const c = await probeConditions({ layout: await detectCgroupLayout(), features: { ok: true }, consoleSocket: true });
    expect(Object.keys(c).sort()).toEqual([...CONDITIONS].sort());
    const ok = Object.entries(c).filter(([, s]) => s.ok).map(([k]) => k);
    expect(ok).toEqual(expect.arrayContaining(['root', 'cgroup-write', 'mapped-ids', 'cgroup-v1', 'cgroup-hybrid', 'cgroup-memory', 'cgroup-cpu', 'cgroup-pids', 'cgroup-devices', 'userns', 'timens', 'cgroupns', 'seccomp', 'runtime-features']));
    // koffi is a dependency and loads here: the pty is received in-process, no python3 needed
    expect(c['console-socket']).toEqual({ ok: true });
    for (const k of ['cgroup-v2', 'hugetlb', 'net-cls', 'net-prio', 'rdma', 'apparmor', 'selinux', 'intel-rdt', 'cap-sys-resource'] as const) {
      const s = c[k];
      expect(s.ok, k).toBe(false);
      // Every unmet condition says why, specifically.
      if (!s.ok) expect(s.reason.length, k).toBeGreaterThan(15);
    }
    const h = c.hugetlb;
    expect(h.ok ? '' : h.reason).toMatch(/only on the cgroup2 mount of this hybrid host/);
  });

  it('on a pure v2 layout, controllers come from the unified hierarchy', async () => {
    const layout = layoutFromMounts(parseMountinfo('25 1 0:22 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n'), ['cpu', 'memory', 'pids', 'hugetlb']);
    const c = await probeConditions({ layout, features: { ok: false, reason: 'no features' }, consoleSocket: false });
    expect(c['cgroup-v2'].ok).toBe(true);
    expect(c['cgroup-v1'].ok).toBe(false);
    expect(c['cgroup-memory']).toEqual({ ok: true, detail: 'memory (v2)' });
    expect(c['cgroup-devices']).toEqual({ ok: true, detail: 'eBPF device filter (v2)' });
    expect(c['cgroup-cpuset'].ok).toBe(false);
    expect(c['runtime-features']).toEqual({ ok: false, reason: 'no features' });
    expect(c['console-socket']).toEqual({ ok: false, reason: 'the runtime profile has no --console-socket' });
  });
});

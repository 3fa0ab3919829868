import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigBuilder } from '../../fixtures/config.js';
import { subordinateRange, withCallerAsRoot, rootlessMode } from '../../harness/rootless.js';
import { chooseProfile } from '../../harness/run.js';
import { ledgerDir } from '../../harness/ledger.js';
import { probeConditions } from '../../harness/probe.js';
import { layoutFromMounts } from '../../harness/inspect/cgroup-layout.js';
import { parseMountinfo } from '../../harness/inspect/mountinfo.js';
import { readProcCgroups } from '../../harness/inspect/proc-cgroup.js';
import { OciError } from '../../core/errors.js';

const asUser = (uid: number, gid = uid): void => {
  vi.spyOn(process, 'getuid').mockReturnValue(uid);
  vi.spyOn(process, 'getgid').mockReturnValue(gid);
};
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('rootless configs', () => {
  it('the base config gains a user namespace mapping container root to the caller; a case mapping of its own replaces it', () => {
    const b = withCallerAsRoot(ConfigBuilder.base('1.0.2'), { uid: 999, gid: 995 });
    const linux = b.build().linux as Record<string, unknown>;
    expect((linux.namespaces as { type: string }[]).map((n) => n.type)).toEqual(['pid', 'network', 'ipc', 'uts', 'mount', 'user']);
    expect(linux.uidMappings).toEqual([{ containerID: 0, hostID: 999, size: 1 }]);
    expect(linux.gidMappings).toEqual([{ containerID: 0, hostID: 995, size: 1 }]);
    const own = b.withUidMappings({ containerID: 0, hostID: 0, size: 1 }).build().linux as Record<string, unknown>;
    expect(own.uidMappings).toEqual([{ containerID: 0, hostID: 0, size: 1 }]);
  });

  it('only a rootless profile makes a rootless mode, with the caller ids', () => {
    asUser(999, 995);
    expect(rootlessMode(undefined)).toBeUndefined();
    const m = rootlessMode(true)!;
    expect(m).toMatchObject({ uid: 999, gid: 995 });
    // either the subordinate ranges or why there are none
    expect([m.subordinate === undefined, m.noSubordinate === undefined].sort()).toEqual([false, true]);
  });
});

describe('profile choice by who runs', () => {
  it('as root, runc is runc', () => {
    asUser(0);
    expect(chooseProfile(undefined, '/usr/sbin/runc').name).toBe('runc');
  });

  it('not as root, runc gives way to runc-rootless and says so; an explicit --profile runc or a runtime without a rootless variant is refused', () => {
    asUser(999);
    const log: string[] = [];
    expect(chooseProfile(undefined, '/usr/sbin/runc', (l) => log.push(l)).name).toBe('runc-rootless');
    expect(log).toEqual(['not root (uid 999): driving /usr/sbin/runc in its rootless mode (profile runc-rootless)']);
    expect(chooseProfile('runc-rootless', '/usr/sbin/runc').globalArgs).toEqual(['--rootless', 'true']);
    for (const [name, bin] of [['runc', '/usr/sbin/runc'], [undefined, '/usr/bin/crun']] as const) {
      let err: unknown;
      try {
        chooseProfile(name, bin);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(OciError);
      expect((err as OciError).code).toBe('OCI_CONFORM_NOT_ROOT');
      expect((err as OciError).message).toMatch(/uid is 999\), or with a rootless profile \(runc-rootless\)$/);
    }
  });
});

describe('an unprivileged user keeps its own ledger', () => {
  it("in $XDG_RUNTIME_DIR/oci-conform/ledger, never root's /run/oci-conform/ledger", async () => {
    const xdg = await mkdtemp(join(tmpdir(), 'oc-xdg-'));
    try {
      vi.stubEnv('OCI_CONFORM_LEDGER_DIR', '');
      vi.stubEnv('XDG_RUNTIME_DIR', xdg);
      asUser(999);
      expect(ledgerDir()).toBe(join(xdg, 'oci-conform', 'ledger'));
    } finally {
      await rm(xdg, { recursive: true, force: true });
    }
  });
});

describe('conditions of a rootless run', () => {
  it('root and mapped-ids do not hold for another uid, and cgroup-write only where our cgroup is there to write (delegated)', async () => {
    const top = await mkdtemp(join(tmpdir(), 'oc-cg-'));
    try {
      const mp = join(top, 'unified');
      const layout = layoutFromMounts(parseMountinfo(`25 1 0:22 / ${mp} rw - cgroup2 cgroup2 rw\n`), ['memory', 'pids']);
      const ours = join(mp, (await readProcCgroups('self')).unified ?? '/').replace(/\/$/, '');
      asUser(999, 995);
      let c = await probeConditions({ layout, features: { ok: true }, consoleSocket: true });
      expect(c.root).toEqual({ ok: false, reason: 'not running as root (uid 999)' });
      expect(c['mapped-ids']).toEqual({ ok: false, reason: "a rootless run: the containers' user namespace maps only container root (to uid 999, gid 995; not a rootless run), so no other uid or gid exists there" });
      expect(c['cgroup-write']).toEqual({ ok: false, reason: `not root, and our cgroup ${ours} is not delegated to uid 999 (not writable): the runtime can't create container cgroups` });
      await mkdir(ours, { recursive: true });
      c = await probeConditions({ layout, features: { ok: true }, consoleSocket: true });
      expect(c['cgroup-write']).toEqual({ ok: true, detail: `delegated: ${ours}` });
      vi.restoreAllMocks();
      c = await probeConditions({ layout, features: { ok: true }, consoleSocket: true });
      expect([c.root.ok, c['mapped-ids'].ok, c['cgroup-write'].ok]).toEqual([true, true, true]);
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});

describe('subordinate ids', () => {
  it("finds the user's first range by name or uid in /etc/subuid text; malformed lines are passed over", () => {
    const text = 'alice:100000:65536\nbob:x:1\nbob:200000:0\n998:300000:65536\nbob:400000:1000\n';
    expect(subordinateRange(text, 'bob', 1001)).toEqual({ start: 400000, count: 1000 });
    expect(subordinateRange(text, 'carol', 998)).toEqual({ start: 300000, count: 65536 });
    expect(subordinateRange(text, 'dave', 997)).toBeUndefined();
  });

  it('with subordinate ids, container ids from 1 up map to them after root', () => {
    const linux = withCallerAsRoot(ConfigBuilder.base('1.0.2'), { uid: 999, gid: 995, subordinate: { uid: { start: 1100000, count: 65536 }, gid: { start: 1200000, count: 1000 } } }).build().linux as Record<string, unknown>;
    expect(linux.uidMappings).toEqual([{ containerID: 0, hostID: 999, size: 1 }, { containerID: 1, hostID: 1100000, size: 65536 }]);
    expect(linux.gidMappings).toEqual([{ containerID: 0, hostID: 995, size: 1 }, { containerID: 1, hostID: 1200000, size: 1000 }]);
  });

  it('mapped-ids holds in a rootless run with subordinate ids, and says why not without', async () => {
    const layout = layoutFromMounts([]);
    asUser(999, 995);
    const sub = { uid: { start: 1100000, count: 65536 }, gid: { start: 1100000, count: 65536 } };
    let c = await probeConditions({ layout, features: { ok: true }, consoleSocket: true, rootless: { uid: 999, gid: 995, subordinate: sub } });
    expect(c['mapped-ids']).toEqual({ ok: true, detail: 'container ids 1 up map to subordinate uids 1100000+65536, gids 1100000+65536' });
    c = await probeConditions({ layout, features: { ok: true }, consoleSocket: true, rootless: { uid: 999, gid: 995, noSubordinate: 'no subordinate uids in /etc/subuid for u' } });
    expect(c['mapped-ids']).toEqual({
      ok: false,
      reason: "a rootless run: the containers' user namespace maps only container root (to uid 999, gid 995; no subordinate uids in /etc/subuid for u), so no other uid or gid exists there",
    });
  });
});

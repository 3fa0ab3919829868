/**
 * runtime/namespaces.ts: linux.namespaces read into what to create and what to
 * join, each path checked to be a namespace file of the type named (real
 * /proc/<pid>/ns files; a regular file, a directory and a namespace of another
 * type are refused), and sysctl/hostname refused wherever they would change
 * the host.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSysctls, has, planNamespaces, type NamespacePlan } from '../../runtime/namespaces.js';
import type { Spec } from '../../runtime/spec.js';
import { RuntimeError } from '../../runtime/store.js';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'oci-ts-ns-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (linux: Record<string, unknown>, more: Record<string, unknown> = {}): Spec => ({ ociVersion: '1.2.0', root: { path: 'rootfs' }, linux, ...more }) as unknown as Spec;
const ns = (...entries: { type: string; path?: string }[]): Spec => spec({ namespaces: entries });
const refused = (s: Spec): string => {
  try {
    planNamespaces(s);
  } catch (e) {
    expect(e).toBeInstanceOf(RuntimeError);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('planNamespaces', () => {
  it('sorts entries into created and joined', () => {
    const p = planNamespaces(ns({ type: 'pid' }, { type: 'mount', path: '' }, { type: 'network', path: '/proc/self/ns/net' }, { type: 'uts', path: `/proc/${process.pid}/ns/uts` }));
    expect([...p.create].sort()).toEqual(['mount', 'pid']);
    expect([...p.join]).toEqual([
      ['network', '/proc/self/ns/net'],
      ['uts', `/proc/${process.pid}/ns/uts`],
    ]);
    expect(has(p, 'network')).toBe(true);
    expect(has(p, 'ipc')).toBe(false);
  });

  it('no linux section: nothing created or joined', () => {
    const p = planNamespaces({ ociVersion: '1.2.0', root: { path: 'r' } } as Spec);
    expect(p.create.size + p.join.size).toBe(0);
  });

  it('accepts each type with its own /proc/self/ns file', () => {
    const files: Record<string, string> = { pid: 'pid', network: 'net', mount: 'mnt', ipc: 'ipc', uts: 'uts', user: 'user', cgroup: 'cgroup', time: 'time' };
    for (const [type, file] of Object.entries(files)) expect(planNamespaces(ns({ type, path: `/proc/self/ns/${file}` })).join.get(type as never)).toBe(`/proc/self/ns/${file}`);
  });

  it('refuses an unknown type and a type listed twice, naming the entry', () => {
    expect(refused(ns({ type: 'pid' }, { type: 'bogus' }))).toBe('linux.namespaces[1]: unknown namespace type "bogus"');
    expect(refused(ns({ type: 'pid' }, { type: 'ipc' }, { type: 'pid', path: '/proc/self/ns/pid' }))).toBe('linux.namespaces[2]: namespace type pid is listed twice');
  });

  it('refuses a relative path and a missing file', () => {
    expect(refused(ns({ type: 'network', path: 'proc/self/ns/net' }))).toBe('linux.namespaces[0] (network): path proc/self/ns/net is not absolute');
    const missing = join(dir, 'missing');
    expect(refused(ns({ type: 'network', path: missing }))).toBe(`linux.namespaces[0] (network): ${missing}: no such file`);
  });

  it('refuses a regular file and a directory: not namespace files', () => {
    const file = join(dir, 'regular');
    writeFileSync(file, 'not a namespace\n');
    expect(refused(ns({ type: 'ipc', path: file }))).toMatch(new RegExp(`^linux\\.namespaces\\[0\\] \\(ipc\\): ${file} is not a namespace file \\(.+\\)$`));
    expect(refused(ns({ type: 'ipc', path: dir }))).toMatch(/is not a namespace file/);
    expect(refused(ns({ type: 'ipc', path: '/dev/null' }))).toMatch(/is not a namespace file/);
  });

  it('refuses a namespace file of another type, naming both', () => {
    expect(refused(ns({ type: 'uts', path: '/proc/self/ns/net' }))).toBe('linux.namespaces[0]: /proc/self/ns/net is a network namespace, not uts');
    expect(refused(ns({ type: 'pid' }, { type: 'mount', path: '/proc/self/ns/user' }))).toBe('linux.namespaces[1]: /proc/self/ns/user is a user namespace, not mount');
  });

  it('refuses id mappings without a user namespace, and a new user namespace without both mappings', () => {
    const m = [{ containerID: 0, hostID: 100000, size: 10 }];
    expect(refused(spec({ namespaces: [{ type: 'pid' }], uidMappings: m }))).toBe('linux.uidMappings/gidMappings are given but there is no user namespace in linux.namespaces');
    expect(refused(spec({ namespaces: [{ type: 'user' }], uidMappings: m }))).toBe('linux.namespaces: a new user namespace needs linux.uidMappings and linux.gidMappings');
    expect(refused(spec({ namespaces: [{ type: 'user' }] }))).toMatch(/needs linux\.uidMappings and linux\.gidMappings/);
    expect(planNamespaces(spec({ namespaces: [{ type: 'user' }], uidMappings: m, gidMappings: m })).create.has('user')).toBe(true);
    // joining a user namespace takes its mappings as they are
    expect(planNamespaces(spec({ namespaces: [{ type: 'user', path: '/proc/self/ns/user' }] })).join.has('user')).toBe(true);
  });

  it('refuses timeOffsets without a new time namespace', () => {
    const timeOffsets = { monotonic: { secs: 1, nanosecs: 0 } };
    expect(refused(spec({ namespaces: [{ type: 'pid' }], timeOffsets }))).toBe('linux.timeOffsets needs a new time namespace (linux.namespaces has no time entry without a path)');
    expect(refused(spec({ namespaces: [{ type: 'time', path: '/proc/self/ns/time' }], timeOffsets }))).toMatch(/^linux\.timeOffsets needs a new time namespace/);
    expect(planNamespaces(spec({ namespaces: [{ type: 'time' }], timeOffsets })).create.has('time')).toBe(true);
  });
});

describe('checkSysctls', () => {
  const plan = (...types: string[]): NamespacePlan => planNamespaces(ns(...types.map((type) => ({ type }))));
  const sysctl = (s: Record<string, string>, more: Record<string, unknown> = {}): Spec => spec({ sysctl: s }, more);
  const why = (s: Spec, p: NamespacePlan): string | undefined => {
    try {
      checkSysctls(s, p);
      return undefined;
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      return (e as Error).message;
    }
  };

  it('refuses a sysctl no namespace holds, whatever the namespaces', () => {
    const all = plan('pid', 'network', 'ipc', 'uts', 'mount', 'cgroup', 'time');
    for (const key of ['kernel.panic', 'vm.swappiness', 'fs.file-max', 'kernel.pid_max', 'kernel/panic']) {
      expect(why(sysctl({ [key]: '1' }), all)).toBe(`linux.sysctl ${key}: not a namespaced sysctl; setting it would change the host`);
    }
  });

  it('refuses a namespaced sysctl when the container shares that namespace with the host', () => {
    expect(why(sysctl({ 'net.ipv4.ip_forward': '1' }), plan('pid', 'ipc'))).toBe("linux.sysctl net.ipv4.ip_forward: the container shares the host's network namespace; setting it would change the host");
    expect(why(sysctl({ 'kernel.shmmax': '1' }), plan('network'))).toBe("linux.sysctl kernel.shmmax: the container shares the host's ipc namespace; setting it would change the host");
    expect(why(sysctl({ 'fs.mqueue.msg_max': '1' }), plan('network'))).toMatch(/shares the host's ipc namespace/);
    expect(why(sysctl({ 'kernel/shmmni': '1' }), plan('uts'))).toMatch(/shares the host's ipc namespace/);
    expect(why(sysctl({ 'kernel.hostname': 'x' }), plan('ipc'))).toMatch(/shares the host's uts namespace/);
  });

  it('accepts a namespaced sysctl in a namespace of the container, new or joined', () => {
    expect(why(sysctl({ 'net.ipv4.ip_forward': '1', 'kernel.shmmax': '1', 'fs.mqueue.queues_max': '1', 'kernel.domainname': 'd' }), plan('network', 'ipc', 'uts'))).toBeUndefined();
    expect(why(sysctl({ 'net.ipv4.ip_forward': '1' }), planNamespaces(ns({ type: 'network', path: '/proc/self/ns/net' })))).toBeUndefined();
  });

  it('refuses hostname and domainname without a uts namespace; empty ones are fine', () => {
    expect(why(spec({}, { hostname: 'h' }), plan('pid'))).toBe('hostname: the container has no uts namespace of its own, so setting it would change the host');
    expect(why(spec({}, { domainname: 'd' }), plan('pid'))).toBe('domainname: the container has no uts namespace of its own, so setting it would change the host');
    expect(why(spec({}, { hostname: '', domainname: '' }), plan('pid'))).toBeUndefined();
    expect(why(spec({}, { hostname: 'h', domainname: 'd' }), plan('uts'))).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readStatus, parseStatus } from '../../harness/inspect/status.js';
import { readLimits, parseLimits, RLIM_INFINITY } from '../../harness/inspect/limits.js';
import { namespaceId, namespacesDifferentFrom, readNamespaces, sameNamespace, namespaceIdOf } from '../../harness/inspect/namespaces.js';
import { mountAt, parseMountinfo, readMountinfo } from '../../harness/inspect/mountinfo.js';
import { readProcCgroups, parseProcCgroup } from '../../harness/inspect/proc-cgroup.js';
import {
  parseIonice,
  parseTimensOffsets,
  personalityDomain,
  readCmdline,
  readEnviron,
  readIoPriority,
  readOomScoreAdj,
  readPersonality,
  readSched,
  schedFromStat,
} from '../../harness/inspect/process.js';
import { decodeCapabilities, encodeCapabilities } from '../../harness/inspect/capabilities.js';
import { startContainer, type TestContainer } from './helpers/container.js';

describe('inspection of this test process', () => {
  it('status: parses a recorded status text', () => {
    const s = parseStatus('Name:\tsh\nState:\tS (sleeping)\nPPid:\t0\nNSpid:\t42\t1\nUid:\t1\t2\t3\t4\nGid:\t5\t6\t7\t8\nGroups:\t10 20 \nCapInh:\t0000000000000000\nCapPrm:\t0000000000000020\nCapEff:\t0000000000000020\nCapBnd:\t0000000000000421\nCapAmb:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\nUmask:\t0027\n');
    expect(s).toMatchObject({ name: 'sh', state: 'S', nsPid: [42, 1], uid: { real: 1, effective: 2, saved: 3, fs: 4 }, groups: [10, 20], noNewPrivileges: true, seccomp: 2, umask: 0o27 });
    expect(s.capabilities.effective).toEqual(['CAP_KILL']);
    expect(() => parseStatus('Name:\tx\n')).toThrow(/Uid/);
  });

  it('status: ids, capability names, seccomp, umask', async () => {
    const s = await readStatus('self');
    expect(s.uid.real).toBe(process.getuid!());
    expect(s.gid.effective).toBe(process.getegid!());
    expect(s.nsPid.at(-1)).toBe(process.pid);
    expect(s.capabilities.bounding).toContain('CAP_SYS_ADMIN');
    expect(s.umask).toBe(process.umask());
    expect([0, 1, 2]).toContain(s.seccomp);
  });

  it('limits: matches what prlimit-free /proc text says', async () => {
    const l = await readLimits('self');
    const text = await readFile('/proc/self/limits', 'utf8');
    const nofile = /Max open files\s+(\S+)\s+(\S+)/.exec(text)!;
    expect(l.RLIMIT_NOFILE).toEqual({ soft: Number(nofile[1]), hard: Number(nofile[2]) });
    expect(Object.keys(l)).toHaveLength(16);
    expect(parseLimits('Limit Soft Hard Units\nMax cpu time              unlimited            unlimited            seconds\n').RLIMIT_CPU).toEqual({ soft: RLIM_INFINITY, hard: RLIM_INFINITY });
    expect(RLIM_INFINITY).toBe(JSON.parse('18446744073709551615'));
  });

  it('environ and cmdline', async () => {
    expect(await readEnviron('self')).toContain(`PATH=${process.env.PATH}`);
    expect((await readCmdline('self'))[0]).toContain('node');
  });

  it('mountinfo: / and /proc, with propagation', async () => {
    const m = await readMountinfo('self');
    expect(mountAt(m, '/proc')?.fstype).toBe('proc');
    expect(m.find((e) => e.mountPoint === '/')).toBeDefined();
    const parsed = parseMountinfo('36 35 98:0 /mnt\\0401 /mnt/a\\040b rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue\n');
    expect(parsed[0]).toMatchObject({ root: '/mnt 1', mountPoint: '/mnt/a b', propagation: 'shared+slave', fstype: 'ext3', source: '/dev/root', superOptions: ['rw', 'errors=continue'], options: ['rw', 'noatime'] });
    expect(() => parseMountinfo('garbage line')).toThrow(/mountinfo:1/);
  });

  it('cgroup lines of v1 and v2', async () => {
    const c = await readProcCgroups('self');
    expect(c.v1.memory ?? c.unified).toBeDefined();
    expect(parseProcCgroup('4:memory:/a/b\n3:cpu,cpuacct:/x\n0::/u\n')).toEqual({ v1: { memory: '/a/b', cpu: '/x', cpuacct: '/x' }, unified: '/u' });
  });

  it('capability masks both ways', () => {
    expect(decodeCapabilities('0000000000000421')).toEqual(['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE']);
    expect(encodeCapabilities(['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'])).toBe(0x421n);
    expect(decodeCapabilities('0000020000000000')).toEqual(['CAP_41']);
  });

  it('sched, oom_score_adj, personality, io priority, time offsets', async () => {
    const s = await readSched('self');
    expect(s.policy).toBe('SCHED_OTHER');
    expect(schedFromStat(`1 (a (b) c) S ${Array.from({ length: 48 }, (_, i) => i + 4).join(' ')}`)).toEqual({ policy: 'policy-41', priority: 40, nice: 19 });
    expect(typeof (await readOomScoreAdj('self'))).toBe('number');
    expect(personalityDomain(await readPersonality('self'))).toBe('LINUX');
    expect(parseIonice('best-effort: prio 4')).toEqual({ class: 'IOPRIO_CLASS_BE', priority: 4 });
    expect(parseIonice('idle')).toEqual({ class: 'IOPRIO_CLASS_IDLE', priority: undefined });
    expect((await readIoPriority(process.pid))?.class).toMatch(/^IOPRIO_CLASS_/);
    expect(parseTimensOffsets('monotonic 10 0\nboottime -5 7\n')).toEqual({ monotonic: { secs: 10, nanosecs: 0 }, boottime: { secs: -5, nanosecs: 7 } });
  });

  it('namespaces: ours equal ours', async () => {
    const a = await namespaceId('self', 'uts');
    const b = await namespaceIdOf(`/proc/${process.pid}/ns/uts`);
    expect(sameNamespace(a, b)).toBe(true);
    expect(a.link).toMatch(/^uts:\[\d+\]$/);
    expect(Object.keys(await readNamespaces('self'))).toEqual(expect.arrayContaining(['pid', 'network', 'mount', 'ipc', 'uts', 'user', 'cgroup']));
  });
});

describe('inspection of a real runc container', () => {
  let c: TestContainer;
  beforeAll(async () => {
    c = await startContainer((b) =>
      b
        .withEnv('OCI_CONFORM_TEST=yes')
        .withRlimit('RLIMIT_NOFILE', 256, 512)
        .withOomScoreAdj(123)
        .withUser({ uid: 1000, gid: 1000, additionalGids: [2000] })
        // A non-root program keeps capabilities across execve only through the ambient set.
        .withCapabilities({ bounding: ['CAP_KILL', 'CAP_CHOWN'], effective: ['CAP_KILL'], permitted: ['CAP_KILL'], inheritable: ['CAP_KILL'], ambient: ['CAP_KILL'] })
        .withMount({ destination: '/data', type: 'tmpfs', source: 'tmpfs', options: ['nosuid', 'nodev', 'size=1m'] })
        .withNamespace('cgroup'),
    );
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('status shows the configured user, groups, capabilities and no_new_privs', async () => {
    const s = await readStatus(c.pid);
    expect(s.uid).toEqual({ real: 1000, effective: 1000, saved: 1000, fs: 1000 });
    expect(s.gid.real).toBe(1000);
    expect(s.groups).toEqual([2000]);
    expect(s.capabilities.bounding).toEqual(['CAP_CHOWN', 'CAP_KILL']);
    expect(s.capabilities.effective).toEqual(['CAP_KILL']);
    expect(s.capabilities.ambient).toEqual(['CAP_KILL']);
    expect(s.capabilities.inheritable).toEqual(['CAP_KILL']);
    expect(s.noNewPrivileges).toBe(true);
    expect(s.nsPid).toHaveLength(2);
    expect(s.nsPid[1]).toBe(1);
  });

  it('limits, environ, cmdline and oom_score_adj are as configured', async () => {
    expect((await readLimits(c.pid)).RLIMIT_NOFILE).toEqual({ soft: 256, hard: 512 });
    expect(await readEnviron(c.pid)).toContain('OCI_CONFORM_TEST=yes');
    expect(await readCmdline(c.pid)).toEqual(['/bin/sleep', '600']);
    expect(await readOomScoreAdj(c.pid)).toBe(123);
  });

  it('namespaces: new pid, uts, ipc, mount, network and cgroup; shared user', async () => {
    const diff = await namespacesDifferentFrom(c.pid);
    expect(diff.sort()).toEqual(['cgroup', 'ipc', 'mount', 'network', 'pid', 'uts']);
  });

  it('mountinfo of the container shows the tmpfs with its options', async () => {
    const m = mountAt(await readMountinfo(c.pid), '/data');
    expect(m?.fstype).toBe('tmpfs');
    expect(m?.options).toEqual(expect.arrayContaining(['nosuid', 'nodev']));
    expect(m?.superOptions).toEqual(expect.arrayContaining(['size=1024k']));
  });

  it('its cgroup path ends with our cgroupsPath', async () => {
    const host = await readProcCgroups(c.pid);
    // In its own cgroup namespace the container sees '/', the host sees the real path.
    expect(host.v1.memory ?? host.unified).toMatch(new RegExp(`${c.prefix}/${c.id}$`));
  });
});

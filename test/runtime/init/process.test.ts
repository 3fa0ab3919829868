/**
 * runtime/init/process.ts for real: each case spawns process-driver.ts, which checks the config, applies the
 * attributes and credentials to itself and execs busybox sh; the script prints what the kernel shows of that
 * exec'd shell (/proc/$$/status, limits, stat, oom_score_adj, personality, ionice -p $$). Every change is made to
 * the spawned child only. Without root the spawning cases are skipped; the checks of checkProcessConfig need none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProcessConfig } from '../../../runtime/init/process.js';
import { CAPABILITY_NAMES } from '../../../runtime/init/capabilities.js';
import type { Linux, Process } from '../../../runtime/spec.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const DRIVER = join(HERE, 'process-driver.ts');
const IS_ROOT = process.getuid?.() === 0;

/** The script: sections separated by `@@` lines, all about the exec'd shell ($$). */
const REPORT = [
  'cat /proc/$$/status',
  'cat /proc/$$/limits',
  'cat /proc/$$/oom_score_adj',
  'cat /proc/$$/stat',
  'ionice -p $$',
  'cat /proc/$$/personality',
].join('; echo @@; ');

interface Report {
  status: Record<string, string>;
  limits: Record<string, { soft: string; hard: string }>;
  oomScoreAdj: number;
  /** Fields 19 (nice) and 41 (policy) of /proc/<pid>/stat. */
  nice: number;
  policy: number;
  ionice: string;
  personality: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  warnings: string[];
}

function runText(json: string): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', DRIVER, json], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const warnings = r.stderr.split('\n').filter((l) => l.startsWith('WARN ')).map((l) => l.slice(5));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, warnings };
}

/** The driver as root of a new user namespace (util-linux unshare --map-root-user: setgroups denied), as #2 runs there. */
function runInUserNamespace(p: Partial<Process>): Run {
  const json = JSON.stringify({ ociVersion: '1.3.0', process: { user: { uid: 0, gid: 0 }, cwd: '/', ...p }, script: REPORT });
  const r = spawnSync('unshare', ['--user', '--map-root-user', process.execPath, '--import', 'tsx/esm', DRIVER, json], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, warnings: [] };
}

function run(p: Partial<Process>, opts: { linux?: Linux; ociVersion?: string; script?: string } = {}): Run {
  const proc: Process = { user: { uid: 0, gid: 0 }, cwd: '/', ...p };
  return runText(JSON.stringify({ ociVersion: opts.ociVersion ?? '1.3.0', process: proc, linux: opts.linux, script: opts.script ?? REPORT }));
}

function parse(out: string): Report {
  const [status = '', limits = '', oom = '', stat = '', ionice = '', persona = ''] = out.split('@@\n');
  const fields = Object.fromEntries(status.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
  const lim: Report['limits'] = {};
  for (const l of limits.split('\n').slice(1)) {
    const m = /^(.+?)\s{2,}(\S+)\s+(\S+)/.exec(l);
    if (m) lim[m[1]!] = { soft: m[2]!, hard: m[3]! };
  }
  const st = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 on
  return {
    status: fields,
    limits: lim,
    oomScoreAdj: Number(oom.trim()),
    nice: Number(st[19 - 3]),
    policy: Number(st[41 - 3]),
    ionice: ionice.trim(),
    personality: persona.trim(),
  };
}

/** A successful run's report (the driver's stderr shown when it failed). */
function report(r: Run): Report {
  expect(r.stderr.split('\n').filter((l) => l.startsWith('ERROR')), r.stderr).toEqual([]);
  expect(r.status).toBe(0);
  return parse(r.stdout);
}

function caps(hex: string | undefined): string[] {
  const mask = BigInt(`0x${hex ?? '0'}`);
  return CAPABILITY_NAMES.filter((_, n) => ((mask >> BigInt(n)) & 1n) === 1n);
}

function ownStatus(field: string): string {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line?.slice(field.length + 1).trim() ?? '';
}

/** By capability number, the order /proc/<pid>/status decodes to. */
const sorted = (names: readonly string[]): string[] => [...names].sort((a, b) => CAPABILITY_NAMES.indexOf(a) - CAPABILITY_NAMES.indexOf(b));

const weHold = (cap: string): boolean => caps(ownStatus('CapEff')).includes(cap);
const ownLimit = (name: string): string => parse(`@@\n${readFileSync('/proc/self/limits', 'utf8')}`).limits[name]?.hard ?? '';

describe.skipIf(!IS_ROOT)('applyCredentials (after execve, as /proc/<pid>/status shows)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ort-process-'));
    chmodSync(dir, 0o777);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uid 0: bounding, effective, permitted, inheritable and ambient are the configured sets; no groups; umask applied', () => {
    const bounding = ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID'];
    const r = report(
      run(
        { user: { uid: 0, gid: 0, umask: 0o077 }, noNewPrivileges: true, capabilities: { bounding, effective: bounding, permitted: bounding, inheritable: ['CAP_KILL'], ambient: [] } },
        { script: `${REPORT}; echo @@; touch ${dir}/root-file && stat -c %a ${dir}/root-file` },
      ),
    );
    expect(caps(r.status.CapBnd)).toEqual(sorted(bounding));
    expect(caps(r.status.CapEff)).toEqual(sorted(bounding));
    expect(caps(r.status.CapPrm)).toEqual(sorted(bounding));
    expect(caps(r.status.CapInh)).toEqual(['CAP_KILL']);
    expect(caps(r.status.CapAmb)).toEqual([]);
    expect(r.status.Uid).toBe('0\t0\t0\t0');
    expect(r.status.Groups).toBe('');
    expect(r.status.Umask).toBe('0077');
    expect(r.status.NoNewPrivs).toBe('1');
  });

  it('uid 0: a file made under umask 077 has mode 600', () => {
    const r = run({ user: { uid: 0, gid: 0, umask: 0o077 } }, { script: `touch ${dir}/f077 && stat -c %a ${dir}/f077` });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('600\n');
  });

  it('a non-zero uid keeps the ambient set (so effective and permitted are it) and gets uid, gid, groups and umask', () => {
    const sets = {
      bounding: ['CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID'],
      permitted: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      effective: ['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      inheritable: ['CAP_KILL', 'CAP_NET_BIND_SERVICE'],
      ambient: ['CAP_NET_BIND_SERVICE'],
    };
    const r = report(run({ user: { uid: 4242, gid: 4343, additionalGids: [5001, 5000, 6000], umask: 0o027 }, capabilities: sets, noNewPrivileges: true }));
    expect(caps(r.status.CapAmb)).toEqual(['CAP_NET_BIND_SERVICE']);
    expect(caps(r.status.CapEff)).toEqual(['CAP_NET_BIND_SERVICE']);
    expect(caps(r.status.CapPrm)).toEqual(['CAP_NET_BIND_SERVICE']);
    expect(caps(r.status.CapInh)).toEqual(['CAP_KILL', 'CAP_NET_BIND_SERVICE']);
    expect(caps(r.status.CapBnd)).toEqual(sorted(sets.bounding));
    expect(r.status.Uid).toBe('4242\t4242\t4242\t4242');
    expect(r.status.Gid).toBe('4343\t4343\t4343\t4343');
    expect(r.status.Groups?.split(' ').map(Number)).toEqual([5000, 5001, 6000]);
    expect(r.status.Umask).toBe('0027');
  });

  it('without umask, noNewPrivileges or oomScoreAdj, the process keeps what it inherited', () => {
    const r = report(run({ noNewPrivileges: false }));
    expect(r.status.Umask).toBe(ownStatus('Umask'));
    expect(r.oomScoreAdj).toBe(Number(readFileSync('/proc/self/oom_score_adj', 'utf8')));
    if (ownStatus('NoNewPrivs') === '0') expect(r.status.NoNewPrivs).toBe('0');
  });

  it('from 1.1.0, effective and permitted outside the bounding set are warnings; bounding is exact', () => {
    const r = run({
      capabilities: {
        bounding: ['CAP_KILL', 'CAP_NET_BIND_SERVICE'],
        effective: ['CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_ADMIN'],
        permitted: ['CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_ADMIN'],
        inheritable: [],
        ambient: [],
      },
    });
    expect(caps(report(r).status.CapBnd)).toEqual(['CAP_KILL', 'CAP_NET_BIND_SERVICE']);
    expect(r.warnings.join('\n')).toMatch(/effective: CAP_SYS_ADMIN is not in the bounding set/);
  });

  it('an unknown capability is ignored with a warning at 1.1.0 and an error at 1.0.2', () => {
    const capabilities = { bounding: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'], effective: ['CAP_KILL'], permitted: ['CAP_KILL', 'CAP_H8_NO_SUCH_CAPABILITY'] };
    const later = run({ capabilities }, { ociVersion: '1.1.0' });
    expect(caps(report(later).status.CapBnd)).toEqual(['CAP_KILL']);
    expect(later.warnings.filter((w) => w.includes('CAP_H8_NO_SUCH_CAPABILITY'))).toHaveLength(2);
    const early = run({ capabilities }, { ociVersion: '1.0.2' });
    expect(early.status).toBe(3);
    expect(early.stderr).toMatch(/^ERROR process\.capabilities\.bounding: unknown capability "CAP_H8_NO_SUCH_CAPABILITY"/m);
    expect(early.stdout).toBe('');
  });

  it('as root of a user namespace where setgroups is denied: no groups to set is fine, groups to set are refused', () => {
    const want = ['CAP_CHOWN', 'CAP_KILL'];
    const r = runInUserNamespace({ noNewPrivileges: true, capabilities: { bounding: want, effective: want, permitted: want, inheritable: [], ambient: [] } });
    const s = report(r).status;
    expect(caps(s.CapBnd)).toEqual(want);
    expect(caps(s.CapEff)).toEqual(want);
    expect(s.Uid).toBe('0\t0\t0\t0');
    const refused = runInUserNamespace({ user: { uid: 0, gid: 0, additionalGids: [0] } });
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/^ERROR process\.user\.additionalGids: setgroups \[0\] \(setgroups is denied in this user namespace\)/m);
  });

  it.skipIf(weHold('CAP_SYS_RESOURCE'))('a capability the runtime does not hold (CAP_SYS_RESOURCE here) is left out with a warning', () => {
    const want = ['CAP_KILL', 'CAP_SYS_RESOURCE'];
    const r = run({ capabilities: { bounding: want, effective: want, permitted: want, inheritable: [], ambient: [] } });
    const s = report(r).status;
    expect(caps(s.CapBnd)).toEqual(['CAP_KILL']);
    expect(caps(s.CapEff)).toEqual(['CAP_KILL']);
    expect(r.warnings.join('\n')).toMatch(/bounding: CAP_SYS_RESOURCE is not in the runtime's own bounding set/);
    expect(r.warnings.join('\n')).toMatch(/permitted: CAP_SYS_RESOURCE cannot be granted/);
  });
});

describe.skipIf(!IS_ROOT)('applyProcessAttributes (after execve)', () => {
  it('rlimits, oom_score_adj, SCHED_BATCH nice 3, IOPRIO_CLASS_BE 6, LINUX32, no_new_privs', () => {
    const r = report(
      run(
        {
          rlimits: [
            { type: 'RLIMIT_NOFILE', soft: 512, hard: 800 },
            { type: 'RLIMIT_CORE', soft: 1024, hard: 4096 },
            { type: 'RLIMIT_MSGQUEUE', soft: 4096, hard: 8192 },
          ],
          oomScoreAdj: 613,
          scheduler: { policy: 'SCHED_BATCH', nice: 3 },
          ioPriority: { class: 'IOPRIO_CLASS_BE', priority: 6 },
          noNewPrivileges: true,
        },
        { linux: { personality: { domain: 'LINUX32' } } },
      ),
    );
    expect(r.limits['Max open files']).toEqual({ soft: '512', hard: '800' });
    expect(r.limits['Max core file size']).toEqual({ soft: '1024', hard: '4096' });
    expect(r.limits['Max msgqueue size']).toEqual({ soft: '4096', hard: '8192' });
    expect(r.oomScoreAdj).toBe(613);
    expect({ policy: r.policy, nice: r.nice }).toEqual({ policy: 3, nice: 3 });
    expect(r.ionice).toBe('best-effort: prio 6');
    expect(r.personality).toBe('00000008');
    expect(r.status.NoNewPrivs).toBe('1');
  });

  it('SCHED_OTHER nice 7 and SCHED_IDLE; IOPRIO_CLASS_IDLE; personality LINUX', () => {
    const other = report(run({ scheduler: { policy: 'SCHED_OTHER', nice: 7 }, ioPriority: { class: 'IOPRIO_CLASS_IDLE', priority: 0 } }, { linux: { personality: { domain: 'LINUX' } } }));
    expect({ policy: other.policy, nice: other.nice }).toEqual({ policy: 0, nice: 7 });
    expect(other.ionice).toBe('idle');
    expect(other.personality).toBe('00000000');
    const idle = report(run({ scheduler: { policy: 'SCHED_IDLE' } }));
    expect(idle.policy).toBe(5);
  });

  it('the init keeps its own rlimits through applyCredentials until applyRlimits, right before execve: a small RLIMIT_AS binds only the exec\'d program', () => {
    const small = 64 * 1024 * 1024;
    const r = runText(JSON.stringify({ ociVersion: '1.3.0', process: { user: { uid: 0, gid: 0 }, cwd: '/', rlimits: [{ type: 'RLIMIT_AS', soft: small, hard: small }] }, script: REPORT, between: true }));
    const between = parse(`@@\n${r.stderr.split('\n').filter((l) => l.startsWith('BETWEEN ')).map((l) => l.slice(8)).join('\n')}`).limits['Max address space'];
    expect(between).toEqual(parse(`@@\n${readFileSync('/proc/self/limits', 'utf8')}`).limits['Max address space']);
    expect(report(r).limits['Max address space']).toEqual({ soft: String(small), hard: String(small) });
  });

  it('18446744073709551615 (uint64 max, as config.json has it) is unlimited', () => {
    const json = JSON.stringify({ ociVersion: '1.3.0', process: { user: { uid: 0, gid: 0 }, cwd: '/', rlimits: [{ type: 'RLIMIT_CORE', soft: 4242, hard: 4343 }] }, script: REPORT })
      .replace('4242', '18446744073709551615')
      .replace('4343', '18446744073709551615');
    const r = runText(json);
    if (ownLimit('Max core file size') !== 'unlimited') {
      expect(r.status).toBe(3);
      return;
    }
    expect(report(r).limits['Max core file size']).toEqual({ soft: 'unlimited', hard: 'unlimited' });
  });

  it('a hard rlimit above the runtime\'s own is an error (before created) without CAP_SYS_RESOURCE, and exact with it', () => {
    const own = ownLimit('Max open files');
    if (own === 'unlimited') return;
    const want = Number(own) + 1024;
    const r = runText(JSON.stringify({ ociVersion: '1.3.0', process: { user: { uid: 0, gid: 0 }, cwd: '/', rlimits: [{ type: 'RLIMIT_NOFILE', soft: want, hard: want }] }, script: REPORT, between: true }));
    if (weHold('CAP_SYS_RESOURCE')) {
      expect(report(r).limits['Max open files']).toEqual({ soft: String(want), hard: String(want) });
      return;
    }
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ERROR process\.rlimits\[0\] \(RLIMIT_NOFILE\): setrlimit .*CAP_SYS_RESOURCE.*\(errno 1\)$/m);
    expect(r.stderr, 'refused by applyProcessAttributes, so at create').not.toMatch(/^BETWEEN/m);
    expect(r.stdout).toBe('');
  });

  it('a negative oomScoreAdj is set with CAP_SYS_RESOURCE, and an error without it', () => {
    const r = run({ oomScoreAdj: -517 });
    if (weHold('CAP_SYS_RESOURCE')) {
      expect(report(r).oomScoreAdj).toBe(-517);
      return;
    }
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^ERROR process\.oomScoreAdj: write -517 to \/proc\/self\/oom_score_adj .*\(errno 13\)$/m);
  });
});

describe('checkProcessConfig', () => {
  const base: Process = { user: { uid: 0, gid: 0 }, cwd: '/' };
  const refusals: [string, Partial<Process>, RegExp, Linux?][] = [
    ['unknown rlimit type', { rlimits: [{ type: 'RLIMIT_H8_NO_SUCH_LIMIT', soft: 1, hard: 1 }] }, /^process\.rlimits\[0\] \(RLIMIT_H8_NO_SUCH_LIMIT\): unknown rlimit type/],
    ['duplicate rlimit type', { rlimits: [{ type: 'RLIMIT_NOFILE', soft: 512, hard: 512 }, { type: 'RLIMIT_NOFILE', soft: 256, hard: 256 }] }, /^process\.rlimits\[1\] \(RLIMIT_NOFILE\): RLIMIT_NOFILE is listed twice/],
    ['soft above hard', { rlimits: [{ type: 'RLIMIT_CORE', soft: 2, hard: 1 }] }, /^process\.rlimits\[0\] \(RLIMIT_CORE\): soft 2 is above hard 1/],
    ['negative rlimit', { rlimits: [{ type: 'RLIMIT_CORE', soft: -1, hard: 1 }] }, /^process\.rlimits\[0\] \(RLIMIT_CORE\) soft: -1 is not a uint64/],
    ['unknown policy', { scheduler: { policy: 'SCHED_H8' } }, /^process\.scheduler\.policy: unknown policy "SCHED_H8"/],
    ['a policy named like an Object property', { scheduler: { policy: 'constructor' } }, /^process\.scheduler\.policy: unknown policy "constructor"/],
    ['no user', { user: undefined as unknown as Process['user'] }, /^process\.user: missing/],
    ['SCHED_ISO', { scheduler: { policy: 'SCHED_ISO' } }, /^process\.scheduler\.policy: SCHED_ISO is not a Linux scheduling policy/],
    ['nice out of range', { scheduler: { policy: 'SCHED_OTHER', nice: 20 } }, /^process\.scheduler\.nice: 20 is outside -20\.\.19/],
    ['FIFO priority 0', { scheduler: { policy: 'SCHED_FIFO' } }, /^process\.scheduler\.priority: 0 is not valid for SCHED_FIFO \(1\.\.99\)/],
    ['OTHER priority 5', { scheduler: { policy: 'SCHED_OTHER', priority: 5 } }, /^process\.scheduler\.priority: 5 is not valid for SCHED_OTHER/],
    ['unknown scheduler flag', { scheduler: { policy: 'SCHED_OTHER', flags: ['SCHED_FLAG_H8'] } }, /^process\.scheduler\.flags: unknown flag "SCHED_FLAG_H8"/],
    ['unknown io class', { ioPriority: { class: 'IOPRIO_CLASS_H8', priority: 0 } }, /^process\.ioPriority\.class: unknown class/],
    ['io priority 8', { ioPriority: { class: 'IOPRIO_CLASS_BE', priority: 8 } }, /^process\.ioPriority\.priority: 8 is outside 0\.\.7/],
    ['oomScoreAdj 1001', { oomScoreAdj: 1001 }, /^process\.oomScoreAdj: 1001 is outside -1000\.\.1000/],
    ['umask 01000', { user: { uid: 0, gid: 0, umask: 0o1000 } }, /^process\.user\.umask: 512 is outside 0\.\.0777/],
    ['uid -1', { user: { uid: -1, gid: 0 } }, /^process\.user\.uid: -1 is not a uid/],
    ['personality domain', {}, /^linux\.personality\.domain: unknown domain "LINUX64"/, { personality: { domain: 'LINUX64' } }],
  ];
  it.each(refusals)('refuses %s with one line naming the field', (_name, p, message, linux) => {
    expect(() => checkProcessConfig({ ...base, ...p }, '1.3.0', linux)).toThrow(message);
  });

  it('an unknown capability name is an error up to 1.0.2 and a warning from 1.0.2-dev on', () => {
    const p: Process = { ...base, capabilities: { effective: ['CAP_KILL', 'CAP_H8_X'], bounding: ['CAP_KILL'] } };
    for (const v of ['1.0.0', '1.0.1', '1.0.2']) expect(() => checkProcessConfig(p, v), v).toThrow(/^process\.capabilities\.effective: unknown capability "CAP_H8_X"/);
    for (const v of ['1.0.2-dev', '1.1.0-rc.1', '1.1.0', '1.3.0', 'not-a-version']) {
      expect(checkProcessConfig(p, v), v).toEqual(['process.capabilities.effective: unknown capability "CAP_H8_X" ignored']);
    }
  });

  it('warns about capabilities outside bounding, ambient ones not permitted and inheritable, and personality flags', () => {
    const p: Process = { ...base, capabilities: { bounding: ['CAP_KILL', 'CAP_CHOWN'], permitted: ['CAP_KILL', 'CAP_SYS_ADMIN'], inheritable: [], ambient: ['CAP_KILL'] } };
    expect(checkProcessConfig(p, '1.3.0', { personality: { domain: 'LINUX', flags: ['H8_FLAG'] } })).toEqual([
      'process.capabilities.permitted: CAP_SYS_ADMIN is not in the bounding set, so the program cannot hold it',
      'process.capabilities.ambient: CAP_KILL is not both permitted and inheritable, so it cannot be ambient',
      'linux.personality.flags: no flag is supported, H8_FLAG ignored',
    ]);
  });

  it('accepts a full valid config without warnings', () => {
    const all = CAPABILITY_NAMES.slice();
    const p: Process = {
      ...base,
      user: { uid: 1, gid: 2, umask: 0o022, additionalGids: [3] },
      capabilities: { bounding: all, effective: all, permitted: all, inheritable: all, ambient: all },
      rlimits: [{ type: 'RLIMIT_NOFILE', soft: 1, hard: 2 }, { type: 'RLIMIT_CORE', soft: 2 ** 64, hard: 2 ** 64 }],
      oomScoreAdj: -1000,
      scheduler: { policy: 'SCHED_RR', priority: 99, nice: -20, flags: ['SCHED_FLAG_RESET_ON_FORK'] },
      ioPriority: { class: 'IOPRIO_CLASS_RT', priority: 0 },
    };
    expect(checkProcessConfig(p, '1.0.0', { personality: { domain: 'LINUX32' } })).toEqual([]);
  });
});

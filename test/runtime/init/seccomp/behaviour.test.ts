/**
 * The compiled filters on a real kernel: driver.ts sets no_new_privs, installs the filter on its main thread and
 * execve's busybox, which makes the system call in question (what the suite's seccomp cases probe).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHELL_SYSCALLS } from '../../../../suites/linux/seccomp/_lib/profiles.js';
import type { Seccomp } from '../../../../runtime/spec.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const DRIVER = join(HERE, 'driver.ts');
const MKDIR = ['mkdir', 'mkdirat'];

function drive(seccomp: Seccomp, argv: string[], extra: object = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx/esm', DRIVER, JSON.stringify({ seccomp, argv, ...extra })], { cwd: ROOT, encoding: 'utf8' });
}

const allowExcept = (action: string, rule: object = {}, top: object = {}): Seccomp => ({ defaultAction: 'SCMP_ACT_ALLOW', ...top, syscalls: [{ names: MKDIR, action, ...rule }] });

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seccomp-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** `sh -c` of a probe: mkdir's status and message, whether the directory exists, and whether touch worked. */
function mkdirProbe(seccomp: Seccomp, extra: object = {}): { stdout: string; stderr: string; status: number | null } {
  const script = `out=$(mkdir ${dir}/probe 2>&1); echo "rc=$?"; echo "msg=$out"; [ -d ${dir}/probe ] && echo made=yes || echo made=no; touch ${dir}/other && echo touch=ok`;
  const r = drive(seccomp, ['sh', '-c', script], extra);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('seccomp filters on this kernel (busybox under the filter)', () => {
  it('ERRNO with errnoRet 38: mkdir fails with ENOSYS, touch works, the process is in filter mode', () => {
    const r = drive(allowExcept('SCMP_ACT_ERRNO', { errnoRet: 38 }), ['sh', '-c', `mkdir ${dir}/d; echo rc=$?; grep Seccomp: /proc/self/status`]);
    expect(r.stderr).toContain('Function not implemented');
    expect(r.stdout).toMatch(/rc=1\nSeccomp:\s+2\n/);
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });

  it('ERRNO without errnoRet: EPERM', () => {
    const p = mkdirProbe(allowExcept('SCMP_ACT_ERRNO'));
    expect(p.stdout).toContain('rc=1\n');
    expect(p.stdout).toContain('Operation not permitted');
    expect(p.stdout).toContain('made=no\ntouch=ok\n');
  });

  it('a listed architecture set (x86_64, x86, x32) still filters native calls', () => {
    const arches = process.arch === 'x64' ? ['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32'] : ['SCMP_ARCH_AARCH64', 'SCMP_ARCH_ARM'];
    const p = mkdirProbe(allowExcept('SCMP_ACT_ERRNO', {}, { architectures: arches }));
    expect(p.stdout).toContain('rc=1\nmsg=');
    expect(p.stdout).toContain('Operation not permitted');
  });

  it('SCMP_CMP_EQ on the mode: chmod 777 refused, 755 allowed', () => {
    const seccomp: Seccomp = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [
        { names: ['chmod'], action: 'SCMP_ACT_ERRNO', args: [{ index: 1, value: 0o777, op: 'SCMP_CMP_EQ' }] },
        { names: ['fchmodat'], action: 'SCMP_ACT_ERRNO', args: [{ index: 2, value: 0o777, op: 'SCMP_CMP_EQ' }] },
      ],
    };
    const r = drive(seccomp, ['sh', '-c', `mkdir ${dir}/d; chmod 777 ${dir}/d 2>/dev/null; echo c777=$?; chmod 755 ${dir}/d; echo c755=$?; stat -c mode=%a ${dir}/d`]);
    expect(r.stdout).toBe('c777=1\nc755=0\nmode=755\n');
  });

  it('SCMP_CMP_MASKED_EQ: the other-write bit refused (777, 666), 775 allowed', () => {
    const cond = { value: 2, valueTwo: 2, op: 'SCMP_CMP_MASKED_EQ' };
    const seccomp: Seccomp = {
      defaultAction: 'SCMP_ACT_ALLOW',
      syscalls: [
        { names: ['chmod'], action: 'SCMP_ACT_ERRNO', args: [{ index: 1, ...cond }] },
        { names: ['fchmodat'], action: 'SCMP_ACT_ERRNO', args: [{ index: 2, ...cond }] },
      ],
    };
    const r = drive(seccomp, ['sh', '-c', `mkdir ${dir}/d; for m in 777 666 775; do chmod $m ${dir}/d 2>/dev/null; echo c$m=$?; done`]);
    expect(r.stdout).toBe('c777=1\nc666=1\nc775=0\n');
    expect(statSync(join(dir, 'd')).mode & 0o777).toBe(0o775);
  });

  it.each(['SCMP_ACT_KILL_PROCESS', 'SCMP_ACT_KILL_THREAD', 'SCMP_ACT_KILL', 'SCMP_ACT_TRAP'])('%s: mkdir dies of SIGSYS and makes nothing', (action) => {
    const r = drive(allowExcept(action), ['mkdir', join(dir, 'd')]);
    expect(r.signal).toBe('SIGSYS');
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });

  it('KILL_PROCESS under sh: the shell sees 159 (128 + SIGSYS) and lives on', () => {
    const p = mkdirProbe(allowExcept('SCMP_ACT_KILL_PROCESS'));
    expect(p.stdout).toContain('rc=159\n');
    expect(p.stdout).toContain('made=no\ntouch=ok\n');
  });

  it('TRACE with no tracer: ENOSYS', () => {
    const p = mkdirProbe(allowExcept('SCMP_ACT_TRACE'));
    expect(p.stdout).toContain('rc=1\n');
    expect(p.stdout).toContain('Function not implemented');
    expect(p.stdout).toContain('made=no');
  });

  it('LOG: mkdir works', () => {
    const p = mkdirProbe(allowExcept('SCMP_ACT_LOG'));
    expect(p.stdout).toContain('rc=0\n');
    expect(p.stdout).toContain('made=yes\ntouch=ok\n');
  });

  it('flags LOG, SPEC_ALLOW and TSYNC are accepted by the kernel and the rule still applies', () => {
    const p = mkdirProbe(allowExcept('SCMP_ACT_ERRNO', {}, { flags: ['SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_SPEC_ALLOW', 'SECCOMP_FILTER_FLAG_TSYNC'] }));
    expect(p.stderr).toBe('');
    expect(p.stdout).toContain('rc=1\n');
    expect(p.stdout).toContain('made=no');
  });

  it('deny by default: what the allowlist leaves out (mkdir) gets EPERM, the rest works', () => {
    const p = mkdirProbe({ defaultAction: 'SCMP_ACT_ERRNO', syscalls: [{ names: [...SHELL_SYSCALLS], action: 'SCMP_ACT_ALLOW' }] });
    expect(p.stdout).toContain('touch=ok');
    expect(p.stdout).toContain('rc=1\n');
    expect(p.stdout).toContain('Operation not permitted');
    expect(p.stdout).toContain('made=no');
  });

  it('defaultErrnoRet: the default action returns it', () => {
    const p = mkdirProbe({ defaultAction: 'SCMP_ACT_ERRNO', defaultErrnoRet: 28, syscalls: [{ names: [...SHELL_SYSCALLS], action: 'SCMP_ACT_ALLOW' }] });
    expect(p.stdout).toContain('No space left on device');
    expect(p.stdout).toContain('touch=ok');
  });
});

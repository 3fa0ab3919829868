/**
 * The VM runner for real: boots Debian's kernel under qemu (TCG here, about 20-40 s a boot) and looks from
 * inside. One boot per profile checks everything of that profile at once; a timeout and a Ctrl-C stop the VM
 * early. Skipped, with the probe's reason, where qemu, the kernel or busybox-static is not installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SEE_ROOT, vmMissing } from './vm-kit.js';

const BOOT = { timeout: 300_000 };

const missing = vmMissing();

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** the TMPDIR the runner had: its temporary directory went there */
  readonly tmp: string;
}

/** Runs the runner with `args`; `whenStarted` is called with its pid once qemu has its sockets. */
function runner(args: string[], env: NodeJS.ProcessEnv = {}, whenStarted?: (pid: number, tmp: string) => void): Promise<Run> {
  const tmp = mkdtempSync(join(tmpdir(), 'vm-test-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'ci/vm/run.ts'), ...SEE_ROOT, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let poll: NodeJS.Timeout | undefined;
    if (whenStarted) {
      poll = setInterval(() => {
        const run = readdirSync(tmp).find((d) => d.startsWith('oci-vm-'));
        if (run && existsSync(join(tmp, run, 'stderr.sock')) && qemuOf(join(tmp, run)).length > 0) {
          clearInterval(poll);
          whenStarted(child.pid!, join(tmp, run));
        }
      }, 200);
    }
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr, tmp });
    });
  });
}

/** Pids of processes whose command line names `dir` (the runner's qemu does: its sockets and shares are there). */
function qemuOf(dir: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir) && readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('qemu')) pids.push(Number(p));
    } catch {
      // gone
    }
  }
  return pids;
}

/** What the runner left in its TMPDIR (tsx keeps its own cache there too). */
const leftovers = (run: Run): string[] => readdirSync(run.tmp).filter((f) => f.startsWith('oci-vm-'));
const runs: Run[] = [];
afterAll(() => {
  for (const r of runs) rmSync(r.tmp, { recursive: true, force: true });
});

describe.skipIf(missing !== undefined)(`the VM runner, booted${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('v2: cgroup2 on /sys/fs/cgroup with memory, io and pids, a block device, cwd and environment kept, writes in an overlay, the exit status back', BOOT, async () => {
    const share = mkdtempSync(join(tmpdir(), 'vm-share-'));
    const probeFile = `.oci-vm-probe-${process.pid}`;
    try {
      const script = [
        'echo "fs=$(stat -f -c %T /sys/fs/cgroup)"',
        'grep " /sys/fs/cgroup " /proc/mounts | sed "s/^/mount=/"',
        'echo "controllers=$(cat /sys/fs/cgroup/cgroup.controllers)"',
        'echo "subtree=$(cat /sys/fs/cgroup/cgroup.subtree_control)"',
        'echo "vda=$(stat -c %F /dev/vda)"',
        'echo "pwd=$(pwd)"',
        'echo "mark=$OCI_VM_TEST_MARK"',
        'echo "uid=$(id -u)"',
        `touch /etc/${probeFile} && echo wrote-root`,
        `echo shared > ${share}/from-guest`,
        'echo to-stderr >&2',
        'exit 7',
      ].join('\n');
      const run = await runner(['--profile', 'v2', '--share', share, '--timeout', '280', '--', 'sh', '-c', script], { OCI_VM_TEST_MARK: "it's $here" });
      runs.push(run);
      const facts = Object.fromEntries(run.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      expect(run.status, run.stderr).toBe(7);
      expect(facts.fs).toBe('cgroup2fs');
      expect(facts.mount).toMatch(/^cgroup2 \/sys\/fs\/cgroup cgroup2 /);
      for (const c of ['memory', 'io', 'pids']) {
        expect(facts.controllers!.split(' ')).toContain(c);
        expect(facts.subtree!.split(' ')).toContain(c);
      }
      expect(facts.vda).toBe('block special file');
      expect(facts.pwd).toBe(ROOT);
      expect(facts.mark).toBe("it's $here");
      expect(facts.uid).toBe('0');
      expect(run.stdout).toContain('wrote-root');
      expect(existsSync(join('/etc', probeFile))).toBe(false); // the guest wrote into its overlay, not the host's tree
      expect(readFileSync(join(share, 'from-guest'), 'utf8')).toBe('shared\n'); // a --share is the host's directory
      expect(run.stderr).toBe('to-stderr\n');
      expect(run.stdout).not.toContain('to-stderr');
      expect(leftovers(run)).toEqual([]);
    } finally {
      rmSync(share, { recursive: true, force: true });
    }
  });

  it('v1: /proc/self/cgroup has v1 hierarchies (memory, pids, cpu,cpuacct) and no 0:: line; no cgroup2 mounted', BOOT, async () => {
    const run = await runner(['--profile', 'v1', '--no-disk', '--timeout', '280', '--', 'sh', '-c', 'cat /proc/self/cgroup; grep cgroup /proc/mounts; test -e /dev/vda && echo has-vda; true']);
    runs.push(run);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean);
    const hierarchies = lines.filter((l) => /^\d+:/.test(l));
    expect(hierarchies.some((l) => /^\d+:memory:\//.test(l))).toBe(true);
    expect(hierarchies.some((l) => /^\d+:pids:\//.test(l))).toBe(true);
    expect(hierarchies.some((l) => /^\d+:cpu,cpuacct:\//.test(l))).toBe(true);
    expect(hierarchies.filter((l) => l.startsWith('0::'))).toEqual([]);
    expect(lines.filter((l) => / cgroup2 /.test(l))).toEqual([]);
    expect(lines.some((l) => /^cgroup \/sys\/fs\/cgroup\/memory cgroup /.test(l))).toBe(true);
    expect(run.stdout).not.toContain('has-vda'); // --no-disk
    expect(leftovers(run)).toEqual([]);
  });

  it('a VM that cannot start (more memory than any machine has): exit 125 with qemu\'s own message, nothing left', BOOT, async () => {
    const run = await runner(['--mem', '99999999G', '--', 'true']);
    runs.push(run);
    expect(run.status).toBe(125);
    expect(run.stderr).toMatch(/^oci-vm: the VM stopped without the command's exit status \(qemu exited with 1\)/);
    expect(run.stderr).toMatch(/\n {2}qemu: .*memory/);
    expect(leftovers(run)).toEqual([]);
  });

  it('--timeout: kills the VM, exits 124, leaves no qemu and no temporary files', BOOT, async () => {
    let dir = '';
    const run = await runner(['--timeout', '2', '--', 'sleep', '1000'], {}, (_pid, d) => (dir = d));
    runs.push(run);
    expect(run.status).toBe(124);
    expect(run.stderr).toMatch(/^oci-vm: timed out after 2 s; the VM was killed\n$/);
    expect(dir).not.toBe('');
    expect(qemuOf(dir)).toEqual([]);
    expect(leftovers(run)).toEqual([]);
  });

  it('Ctrl-C (SIGINT): kills the VM, exits 130, leaves no qemu and no temporary files', BOOT, async () => {
    let dir = '';
    const run = await runner(['--', 'sleep', '1000'], {}, (pid, d) => {
      dir = d;
      process.kill(pid, 'SIGINT');
    });
    runs.push(run);
    expect(run.status).toBe(130);
    expect(run.stderr).toMatch(/interrupted by SIGINT; the VM was killed/);
    expect(qemuOf(dir)).toEqual([]);
    expect(leftovers(run)).toEqual([]);
  });
});

/**
 * The CI gate on a pure cgroup v2 host: runc, and oci-ts-runtime (ours, the default), over the cgroups, namespaces
 * and lifecycle cases in the qemu VM (ci/vm/, docs/CI.md), each gated on its committed baseline. What only such a
 * host runs is checked to have run for real: the unified case, the io controller's weight and throttles on the VM's
 * block device; for ours also its device rules (an eBPF program on v2) and a new time namespace on the VM's kernel.
 * Skipped, with the probe's reason, where qemu, the kernel, busybox-static or runc is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SEE_ROOT, vmMissing } from './vm-kit.js';

const RUNC = '/usr/sbin/runc';
/** TCG is about ten times slower than this host: the subset takes some minutes; this is a limit, not a measure. */
const LIMIT = { timeout: 45 * 60_000 };
const AREAS = ['linux.cgroups.**', 'linux.namespaces.**', 'lifecycle.**'];

let missing = vmMissing();
if (!missing && !existsSync(RUNC)) missing = `${RUNC} is not installed`;

const tmp = mkdtempSync(join(tmpdir(), 'vm-conform-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Report {
  run: { host: { profile: { name: string } } };
  summary: { exitCode: number; counts: Record<string, number>; leftovers: unknown[]; expectations?: { unexpected: unknown[]; stale: unknown[] } };
  results: { id: string; outcome: { status: string; notes?: string[] }; notes?: string[] }[];
}

/** oci-conform in the v2 VM over AREAS, its JSON report written to the shared temp dir. */
function conformInVm(name: string, args: string[]): Promise<{ status: number | null; output: string; report: Report }> {
  const file = join(tmp, `${name}.json`);
  const argv = [join(ROOT, 'ci/vm/run.ts'), '--profile', 'v2', ...SEE_ROOT, '--share', tmp, '--timeout', String(40 * 60), '--', process.execPath, 'bin/oci-conform.js', ...args, ...AREAS.flatMap((a) => ['--only', a]), '--timeout', '120000', '--reporter', 'console', '--reporter', `json=${file}`];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      if (!existsSync(file)) return reject(new Error(`no report from the VM run (exit ${status}):\n${output.slice(-4000)}`));
      resolve({ status, output, report: JSON.parse(readFileSync(file, 'utf8')) as Report });
    });
  });
}

const statusOf = (r: Report, id: string): string | undefined => r.results.find((x) => x.id === id)?.outcome.status;

describe.skipIf(missing !== undefined)(`oci-conform on a pure cgroup v2 host (qemu)${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('runc gates green on its baseline; the v2-only cases ran for real', LIMIT, async () => {
    const { status, output, report } = await conformInVm('runc', ['--runtime', RUNC, '--expectations', 'ci/expectations/runc.yaml']);
    expect(report.run.host.profile.name, output.slice(-3000)).toBe('v2');
    expect(report.summary.expectations, output.slice(-3000)).toMatchObject({ unexpected: [], stale: [] });
    expect(report.summary.leftovers).toEqual([]);
    expect(status, output.slice(-3000)).toBe(0);
    // only a v2 host runs these: they pass or fail, never skip
    for (const id of ['linux.cgroups.unified.applied-v2', 'linux.cgroups.blockio.weight', 'linux.cgroups.blockio.throttle-read-bps', 'linux.cgroups.blockio.throttle-write-iops']) {
      expect(['pass', 'fail'], `${id}: ${statusOf(report, id)}`).toContain(statusOf(report, id));
    }
    expect(statusOf(report, 'linux.cgroups.unified.applied-v2')).toBe('pass');
    expect(statusOf(report, 'linux.cgroups.blockio.throttle-read-bps')).toBe('pass');
    // and the v1-only ones skip
    expect(statusOf(report, 'linux.cgroups.unified.controller-not-on-unified')).toBe('skip');
  });

  it('oci-ts-runtime, the default runtime, passes on its (empty) baseline: its cgroup v2 path, and time namespaces on this older kernel', LIMIT, async () => {
    const { status, output, report } = await conformInVm('oci-ts-runtime', ['--expectations', 'ci/expectations/oci-ts-runtime.yaml', '--only', 'misc.features.namespaces-recognized']);
    expect(report.run.host.profile.name, output.slice(-3000)).toBe('v2');
    expect(report.summary.expectations, output.slice(-3000)).toMatchObject({ unexpected: [], stale: [] });
    expect(report.summary.counts, output.slice(-3000)).toMatchObject({ fail: 0, warn: 0, error: 0 });
    expect(report.summary.leftovers).toEqual([]);
    expect(status, output.slice(-3000)).toBe(0);
    // cgroup v2 for real: the unified file, io on the VM's disk, devices through the eBPF program; and a new time
    // namespace, which the VM's 6.1 kernel lets a child enter only when it is forked (not posix_spawn'ed) into it
    for (const id of [
      'linux.cgroups.unified.applied-v2',
      'linux.cgroups.blockio.weight',
      'linux.cgroups.blockio.throttle-read-bps',
      'linux.cgroups.blockio.weight-device',
      'linux.cgroups.devices.order',
      'linux.namespaces.create.time',
      'linux.namespaces.time.offsets',
      'misc.features.namespaces-recognized',
    ]) {
      expect(statusOf(report, id), id).toBe('pass');
    }
  });
});

/**
 * The cgroups cases whose reading depends on the host's layout, run for real against recorded cgroup v2 files:
 * the case's own run() with a context whose container is this process and whose unified hierarchy is a temp
 * directory holding the files a runtime left on the v2 VM (issue 11). Nothing is created on the host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseAbort, CaseSkip, type CaseContext, type CaseDefinition, type CgroupLayout, type HostConditions } from '../../../harness/model.js';
import { compare, type Difference } from '../../../harness/inspect/compare.js';
import { layoutFromMounts } from '../../../harness/inspect/cgroup-layout.js';
import { parseMountinfo } from '../../../harness/inspect/mountinfo.js';
import { probeConditions } from '../../../harness/probe.js';
import { readProcCgroups } from '../../../harness/inspect/proc-cgroup.js';
import { removeTree } from '../../../harness/cleanup.js';
import kernel from '../../../suites/linux/cgroups/memory/kernel.case.js';
import weight from '../../../suites/linux/cgroups/blockio/weight.case.js';
import shares from '../../../suites/linux/cgroups/cpu/shares.case.js';
import swappiness from '../../../suites/linux/cgroups/memory/swappiness.case.js';
import limit from '../../../suites/linux/cgroups/memory/limit.case.js';

let root: string | undefined;
afterEach(async () => {
  if (root) await removeTree(root);
  root = undefined;
});

/**
 * A v2 layout whose unified root is a temp dir with `files`, mounted (as the layout says) at this process's own
 * unified cgroup path, so the case's reader, following /proc/<our pid>/cgroup, lands in that dir.
 */
async function v2(files: Record<string, string>): Promise<{ layout: CgroupLayout; conditions: HostConditions }> {
  root = await mkdtemp(join(tmpdir(), 'oci-conform-v2case-'));
  for (const [f, v] of Object.entries(files)) await writeFile(join(root, f), `${v}\n`);
  const recorded = layoutFromMounts(parseMountinfo('24 22 0:24 / /sys/fs/cgroup rw,relatime - cgroup2 none rw\n'), ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc']);
  const own = (await readProcCgroups('self')).unified ?? '/';
  const layout: CgroupLayout = { ...recorded, unified: root, mountRoots: { [root]: own } };
  return { layout, conditions: await probeConditions({ layout, features: { ok: true }, consoleSocket: false }) };
}

async function run(def: CaseDefinition, host: { layout: CgroupLayout; conditions: HostConditions }, o: { refuse?: boolean } = {}) {
  const notes: string[] = [];
  const diffs: (Difference & { what: string })[] = [];
  const failures: string[] = [];
  const ctx = {
    id: 'c',
    host: { cgroups: host.layout, conditions: host.conditions },
    runtime: { state: async () => ({ argv: ['state', 'c'], exitCode: 1, signal: null, stdout: '', stderr: 'container does not exist', durationMs: 1, timedOut: false }) },
    create: async () => {
      if (!o.refuse) return { argv: ['create'], exitCode: 0 };
      throw new CaseAbort({ requirement: 'LNX-MEMORY-APPLIED', level: 'MUST', message: 'create exited 1: swappiness is not supported on cgroup v2' });
    },
    pid: async () => process.pid,
    note: (m: string) => void notes.push(m),
    skip: (reason: string, condition?: string): never => {
      throw new CaseSkip(reason, condition as never);
    },
    expectMatch: (_req: string, what: string, expected: unknown, observed: unknown) => {
      const d = compare(expected, observed);
      diffs.push(...d.map((x) => ({ ...x, what })));
      return d.length === 0;
    },
    expect: (req: string, ok: boolean, e: { message: string }) => {
      if (!ok) failures.push(`${req}: ${e.message}`);
      return ok;
    },
    expectError: (req: string, call: { exitCode: number }) => {
      if (call.exitCode === 0) failures.push(`${req}: no error`);
      return call.exitCode !== 0;
    },
  };
  let skip: CaseSkip | undefined;
  try {
    await def.run(ctx as unknown as CaseContext);
  } catch (e) {
    if (!(e instanceof CaseSkip)) throw e;
    skip = e;
  }
  return { notes, diffs, skip, failures };
}

describe('cgroups cases on recorded cgroup v2 files', () => {
  it('memory.kernel: v2 has no kernel memory file, a host reason (condition cgroup-v1) an expected failure is not judged by', async () => {
    const host = await v2({ 'memory.max': '134217728' });
    expect(host.conditions['cgroup-v1'].ok).toBe(false);
    const r = await run(kernel, host);
    expect(r.skip?.condition).toBe('cgroup-v1');
    expect(r.skip?.reason).toMatch(/do not show memory\.kernel \(cgroup v2 has no kernel memory limit\)/);
  });

  it('memory.kernel where v1 is there but the file is not: a skip that names no host condition', async () => {
    const host = await v2({ 'memory.max': '134217728' });
    const r = await run(kernel, { ...host, conditions: { ...host.conditions, 'cgroup-v1': { ok: true } } });
    expect(r.skip).toBeInstanceOf(CaseSkip);
    expect(r.skip?.condition).toBeUndefined();
  });

  it("blockio.weight: io.weight 4950 (what runc 1.1.5 wrote on the v2 VM) passes as 500, the note naming runc's and crun's conversion", async () => {
    const r = await run(weight, await v2({ 'io.weight': 'default 4950', 'io.max': '' }));
    expect(r.skip).toBeUndefined();
    expect(r.diffs).toEqual([]);
    expect(r.notes).toEqual(["io.weight 4950 is 500 on the spec's scale by runc's and crun's blkio -> io.weight conversion 1 + (w - 10) * 9999 / 990"]);
  });

  it('blockio.weight: io.weight left at 100 fails, saying what the conversion gives', async () => {
    const r = await run(weight, await v2({ 'io.weight': 'default 100' }));
    expect(r.diffs).toEqual([{ what: 'blockIO.weight', path: '.', expected: 500, actual: "io.weight 100, which no known conversion gives for 500 (runc's and crun's blkio -> io.weight conversion 1 + (w - 10) * 9999 / 990 gives 4950)" }]);
  });

  it('blockio.weight: io.bfq.weight 500 passes as it is', async () => {
    const r = await run(weight, await v2({ 'io.bfq.weight': 'default 500', 'io.weight': 'default 100' }));
    expect(r.diffs).toEqual([]);
    expect(r.notes[0]).toMatch(/^io\.bfq\.weight 500 is 500 on the spec's scale/);
  });

  it('cpu.shares 512: cpu.weight 20 (linear) and 59 (quadratic) pass, 100 (left at the default) fails', async () => {
    for (const w of ['20', '59']) {
      const r = await run(shares, await v2({ 'cpu.weight': w, 'cpu.max': 'max 100000' }));
      expect(r.diffs, w).toEqual([]);
      expect(r.notes[0], w).toMatch(new RegExp(`^cpu\\.weight ${w} is 512 on the spec's scale by the (linear|quadratic)`));
      await removeTree(root!);
      root = undefined;
    }
    const bad = await run(shares, await v2({ 'cpu.weight': '100', 'cpu.max': 'max 100000' }));
    expect(bad.diffs.map((d) => d.what)).toEqual(['cpu.shares (as cpu.weight)']);
  });

  it('memory.swappiness: v2 has no file for it, so a refused create is right there; where v1 holds a refusal still fails', async () => {
    const host = await v2({ 'memory.max': 'max' });
    const refused = await run(swappiness, host, { refuse: true });
    expect(refused.failures).toEqual([]);
    expect(refused.notes[0]).toMatch(/^the runtime refused the setting \(memory\.swappiness has no file on a host without cgroup-v1 \(layout v2\)\): /);
    const onV1 = await run(swappiness, { ...host, conditions: { ...host.conditions, 'cgroup-v1': { ok: true } } }, { refuse: true });
    expect(onV1.failures).toEqual([expect.stringMatching(/^LNX-MEMORY-APPLIED: create failed although this host supports memory\.swappiness/)]);
    // and a field every layout has may not be refused on v2 either
    expect((await run(limit, host, { refuse: true })).failures).toEqual([expect.stringMatching(/^LNX-MEMORY-APPLIED: create failed although this host supports memory\.limit/)]);
  });
});

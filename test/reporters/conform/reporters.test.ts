import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReporter, parseReporterSpec } from '../../../reporters/conform/index.js';
import { REPORT_VERSION, type ConformReporter, type RunInfo, type RunSummary } from '../../../reporters/conform/reporter.js';
import { consoleReporter } from '../../../reporters/conform/console.js';
import { paint } from '../../../reporters/conform/colors.js';
import type { Sink } from '../../../reporters/conform/output.js';
import type { CaseResult } from '../../../harness/model.js';
import { SAMPLE_PROFILE, SAMPLE_RESULT, sampleRunInfo } from './sample-run.js';
import { CONDITIONS, type HostConditions } from '../../../harness/conditions.js';
import { removeTree } from '../../../harness/cleanup.js';
import { xmllintJunit, yamlBlocks } from '../../e2e/formats/consumers.js';
import { conformReportErrors } from '../../e2e/formats/report-schemas.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-conform-reporters-'));
});
afterAll(async () => {
  await removeTree(dir);
});

const conditions = Object.fromEntries(CONDITIONS.map((c) => [c, c === 'selinux' ? { ok: false, reason: 'SELinux is not enabled' } : { ok: true }])) as HostConditions;
const info: RunInfo = sampleRunInfo(conditions);
const base = { ...SAMPLE_RESULT, requirements: [...SAMPLE_RESULT.requirements], durationMs: 12.4 };
const results: CaseResult[] = [
  { ...base, id: 'lifecycle.a', outcome: { status: 'pass' } },
  {
    ...base,
    id: 'lifecycle.b',
    outcome: { status: 'fail', violations: [{ requirement: 'RT-KILL-SENDS-SIGNAL', level: 'MUST', message: 'no signal <&> "here"', expected: 'got-usr1', actual: '' }] },
    configs: [{ id: 'c1', path: '/tmp/b/config.json', config: { ociVersion: '1.0.2-dev' } }],
    containerStderr: 'oops',
  },
  { ...base, id: 'linux.cgroups.c', outcome: { status: 'skip', reason: 'needs selinux: SELinux is not enabled', condition: 'selinux' } },
  { ...base, id: 'linux.cgroups.d', outcome: { status: 'warn', violations: [{ requirement: 'LNX-NS-TYPES-SUPPORTED', level: 'SHOULD', message: 'meh # hash' }] } },
  { ...base, id: 'process.e', outcome: { status: 'error', message: 'the case did not finish within 100 ms', timedOut: true } },
];
const summary: RunSummary = { counts: { pass: 1, fail: 1, warn: 1, skip: 1, error: 1 }, durationMs: 1234, results, interrupted: false, leftovers: [], exitCode: 1 };

async function feed(r: ConformReporter): Promise<void> {
  await r.onRunStart?.(info);
  for (const x of results) {
    await r.onCaseStart?.({ id: x.id, title: x.title });
    await r.onCaseResult?.(x);
  }
  await r.onRunEnd?.(summary);
}

function memorySink(isTTY: boolean): Sink & { text: string } {
  const s = { text: '', isTTY, write: (t: string) => void (s.text += t), close: () => undefined };
  return s;
}

describe('conform reporters', () => {
  it('TAP 14: version, one point per case, SKIP directive, YAML evidence, plan at the end', async () => {
    const file = join(dir, 'r.tap');
    await feed(await createReporter({ name: 'tap', file }));
    const tap = await readFile(file, 'utf8');
    const points = tap.split('\n').filter((l) => /^(not )?ok \d+ /.test(l));
    expect(tap.startsWith('TAP version 14\n')).toBe(true);
    expect(points).toEqual([
      'ok 1 - lifecycle.a',
      'not ok 2 - lifecycle.b',
      'ok 3 - linux.cgroups.c # SKIP needs selinux: SELinux is not enabled',
      'ok 4 - linux.cgroups.d \\# warn: [LNX-NS-TYPES-SUPPORTED SHOULD] meh \\# hash',
      'not ok 5 - process.e',
    ]);
    const blocks = yamlBlocks(tap);
    expect(blocks.map((b) => b.errors)).toEqual([[], [], []]);
    expect(blocks[0]!.value).toEqual({
      file: 'suites/x.case.ts',
      durationMs: 12,
      violations: [
        {
          requirement: 'RT-KILL-SENDS-SIGNAL',
          level: 'MUST',
          reference: 'https://github.com/opencontainers/runtime-spec/blob/v1.0.1/runtime.md#kill',
          message: 'no signal <&> "here"',
          expected: 'got-usr1',
          actual: '',
        },
      ],
      containers: [{ id: 'c1', configPath: '/tmp/b/config.json', config: { ociVersion: '1.0.2-dev' } }],
      containerStderr: 'oops',
    });
    expect(blocks[2]!.value).toMatchObject({ message: 'the case did not finish within 100 ms', timedOut: true });
    expect(tap.trimEnd().split('\n').slice(-2)).toEqual(['1..5', '# pass 1 fail 1 warn 1 skip 1 error 1']);
  });

  it('JUnit: a suite per area with failures, errors and skips counted', async () => {
    const file = join(dir, 'r.xml');
    await feed(await createReporter({ name: 'junit', file }));
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain('<testsuite name="lifecycle" tests="2" failures="1" errors="0" skipped="0"');
    expect(xml).toContain('<testsuite name="linux.cgroups" tests="2" failures="0" errors="0" skipped="1"');
    expect(xml).toContain('<testsuite name="process" tests="1" failures="0" errors="1" skipped="0"');
    expect(xml).toContain('message="[RT-KILL-SENDS-SIGNAL MUST] no signal &lt;&amp;> &quot;here&quot;" type="violation"');
    expect(xmllintJunit(file)).toEqual({ code: 0, out: `${file} validates\n` });
  });

  it('JSON: the versioned document of docs/INTERPRETING.md', async () => {
    const file = join(dir, 'r.json');
    await feed(await createReporter({ name: 'json', file }));
    const doc = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(doc)).toEqual(['reportVersion', 'run', 'summary', 'results']);
    expect(conformReportErrors(doc)).toEqual([]);
    expect(doc.reportVersion).toBe(2);
    expect(doc.run.runtime.binary).toBe('/usr/bin/runc');
    expect(doc.summary).toEqual({ counts: summary.counts, durationMs: 1234, interrupted: false, exitCode: 1, leftovers: [] });
    expect(doc.results[1].violations[0].reference).toBe('https://github.com/opencontainers/runtime-spec/blob/v1.0.1/runtime.md#kill');
    expect(doc.results[1].configs[0].config).toEqual({ ociVersion: '1.0.2-dev' });
    expect(doc.results[0].durationMs).toBe(12);
  });

  it('console without a TTY: plain lines, no escape codes, the header lists unmet conditions with reasons, a summary by area', async () => {
    const sink = memorySink(false);
    await feed(consoleReporter(sink));
    expect(sink.text).not.toContain('\u001b[');
    expect(sink.text).toContain('  not met: selinux: SELinux is not enabled');
    expect(sink.text).toContain('FAIL lifecycle.b: [RT-KILL-SENDS-SIGNAL MUST] no signal');
    expect(sink.text).toMatch(/^lifecycle +1 +1 +0 +0 +0$/m);
    expect(sink.text).toMatch(/^linux\.cgroups +0 +0 +1 +1 +0$/m);
    expect(sink.text).toContain('1 passed, 1 failed, 1 warnings, 1 skipped, 1 errors');
    // the config is never dumped into the console: its path is shown (issue 12)
    expect(sink.text).not.toContain('"ociVersion"');
    expect(sink.text).toContain('config of c1: /tmp/b/config.json (removed with the run; --artifacts keeps it)');
    // one line per violation, with expected against actual
    expect(sink.text).toContain('  RT-KILL-SENDS-SIGNAL (MUST): no signal <&> "here" (expected "got-usr1", actual "")\n');
  });

  it('console: a kept config is shown by its file; a long expected/actual is cut, the line stays short', async () => {
    const big = { ociVersion: '1.0.2-dev', process: { env: Array.from({ length: 200 }, (_, i) => `V${i}=${'x'.repeat(20)}`) } };
    const r: CaseResult = {
      ...results[1]!,
      outcome: { status: 'fail', violations: [{ requirement: 'CFG-PROCESS-ENV', level: 'MUST', message: 'env differs', expected: big, actual: {} }] },
      configs: [{ id: 'c1', path: '/dev/shm/x/config.json', config: big, file: '/tmp/art/oc1/lifecycle.b/c1.config.json' }],
    };
    const sink = memorySink(false);
    const c = consoleReporter(sink);
    await c.onRunStart?.(info);
    await c.onCaseResult?.(r);
    await c.onRunEnd?.({ ...summary, results: [r] });
    expect(sink.text).toContain('  config of c1: /tmp/art/oc1/lifecycle.b/c1.config.json\n');
    const longest = Math.max(...sink.text.split('\n').filter((l) => !l.startsWith('conditions met')).map((l) => l.length));
    expect(longest).toBeLessThan(300);
    expect(sink.text).not.toContain('V199=');
  });

  it('console: failures the baseline expects are shown as expected and dim, not as a red FAIL; unexpected ones in full', async () => {
    const expected = { 'lifecycle.b': { status: 'fail' as const, reason: 'runc kills on delete', requirements: ['RT-KILL-SENDS-SIGNAL'] } };
    const withExp: RunSummary = { ...summary, expectations: { file: 'runc.lifecycle.yaml', unexpected: [{ id: 'process.e', expected: 'pass', actual: 'error' }], stale: [], notJudged: [], skipped: [] } };
    for (const tty of [false, true]) {
      const sink = memorySink(tty);
      const saved = process.env.NO_COLOR;
      delete process.env.NO_COLOR;
      try {
        const c = consoleReporter(sink, { color: true });
        await c.onRunStart?.(info);
        await c.onExpectations?.(expected);
        for (const x of results) await c.onCaseResult?.(x);
        await c.onRunEnd?.(withExp);
      } finally {
        if (saved !== undefined) process.env.NO_COLOR = saved;
      }
      const plain = sink.text.replace(/\u001b\[[0-9;]*m/g, '');
      expect(plain).toContain('EXPECTED FAIL lifecycle.b: [RT-KILL-SENDS-SIGNAL MUST]');
      expect(plain).not.toMatch(/^FAIL lifecycle\.b/m);
      expect(plain).toContain('expected FAIL lifecycle.b: RT-KILL-SENDS-SIGNAL (baseline: runc kills on delete)');
      // unexpected: in full, red
      expect(plain).toMatch(/^ERROR process\.e suites\/x\.case\.ts$/m);
      if (tty) {
        // literal codes: paint() follows NO_COLOR, which is restored by now
        expect(sink.text).toContain('\u001b[2mEXPECTED FAIL lifecycle.b');
        expect(sink.text).not.toContain('\u001b[31mFAIL');
      }
      expect(plain).toContain('does not match baseline runc.lifecycle.yaml');
    }
  });

  it('console on a TTY: progress line and colours, unless NO_COLOR', async () => {
    const sink = memorySink(true);
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      await feed(consoleReporter(sink));
    } finally {
      if (saved !== undefined) process.env.NO_COLOR = saved;
    }
    expect(sink.text).toContain('\r[');
    expect(sink.text).toContain('] 5/5');
    expect(sink.text).toContain('\u001b[31m');
    expect(paint(true, { NO_COLOR: '1' }).red('x')).toBe('x');
    expect(paint(false, {}).red('x')).toBe('x');
    expect(paint(true, {}).red('x')).toBe('\u001b[31mx\u001b[39m');
  });

  it('a run stopped before its cases still gets a report from every reporter, saying why', async () => {
    const stopped: RunSummary = {
      counts: { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 },
      durationMs: 10,
      results: [],
      interrupted: false,
      leftovers: [],
      exitCode: 3,
      stopped: { code: 'OCI_CONFORM_CANARY_FAILED', message: 'canary container failed: create exited 1' },
      runSoFar: { reportVersion: REPORT_VERSION, runId: 'octest', runtime: { binary: '/x/rt', profile: 'generic' } },
    };
    const [json, tap, xml] = [join(dir, 's.json'), join(dir, 's.tap'), join(dir, 's.xml')];
    const sink = memorySink(false);
    for (const r of [await createReporter({ name: 'json', file: json }), await createReporter({ name: 'tap', file: tap }), await createReporter({ name: 'junit', file: xml }), consoleReporter(sink)]) {
      await r.onRunEnd?.(stopped); // onRunStart never came: the run stopped before it
    }
    const doc = JSON.parse(await readFile(json, 'utf8'));
    expect(Object.keys(doc)).toEqual(['reportVersion', 'run', 'stopped', 'summary', 'results']);
    expect(conformReportErrors(doc)).toEqual([]);
    expect(doc.stopped).toEqual({ code: 'OCI_CONFORM_CANARY_FAILED', message: 'canary container failed: create exited 1' });
    expect(doc.run).toEqual({ reportVersion: 2, runId: 'octest', runtime: { binary: '/x/rt', profile: 'generic' } });
    expect(doc.summary.exitCode).toBe(3);
    expect((await readFile(tap, 'utf8')).split('\n')).toEqual(['TAP version 14', 'Bail out! OCI_CONFORM_CANARY_FAILED: canary container failed: create exited 1', '# pass 0 fail 0 warn 0 skip 0 error 0', '']);
    expect(xmllintJunit(xml)).toEqual({ code: 0, out: `${xml} validates\n` });
    expect(await readFile(xml, 'utf8')).toMatch(/<testcase classname="oci-conform" name="run"[^>]*>\s*<error message="canary container failed: create exited 1" type="OCI_CONFORM_CANARY_FAILED"/);
    expect(sink.text).toContain('stopped: OCI_CONFORM_CANARY_FAILED: canary container failed: create exited 1 (exit 3)');
  });

  it('the host profile heads every report: console lines, TAP comments, JUnit properties, JSON run.host.profile', async () => {
    const sink = memorySink(false);
    await feed(consoleReporter(sink));
    expect(sink.text).toContain('host      hybrid: Linux 6.18, root, cgroup driver cgroupfs (pid 1: systemd), LSMs not listed (no /sys/kernel/security/lsm), AppArmor off, SELinux off, rootfs busybox');
    expect(sink.text).toContain('cgroups   hybrid: v1 blkio,cpu,memory | v2 (/sys/fs/cgroup/unified) hugetlb');
    const [tap, xml, json] = [join(dir, 'h.tap'), join(dir, 'h.xml'), join(dir, 'h.json')];
    for (const [name, file] of [['tap', tap], ['junit', xml], ['json', json]] as const) await feed(await createReporter({ name, file }));
    expect(await readFile(tap, 'utf8')).toContain('# host hybrid: Linux 6.18, root, cgroup driver cgroupfs');
    const x = await readFile(xml, 'utf8');
    for (const [k, v] of [['hostProfile', 'hybrid'], ['cgroupLayout', 'hybrid'], ['cgroupV1Controllers', 'blkio,cpu,memory'], ['cgroupV2Controllers', 'hugetlb'], ['cgroupDriver', 'cgroupfs'], ['lsm', 'unknown'], ['apparmor', 'false'], ['rootless', 'false']]) {
      expect(x).toContain(`<property name="${k}" value="${v}"/>`);
    }
    expect(JSON.parse(await readFile(json, 'utf8')).run.host.profile).toEqual(SAMPLE_PROFILE);
  });

  it('expected failures not judged on this host, and ones skipped for another reason, are listed by console and TAP', async () => {
    const withExp: RunSummary = {
      ...summary,
      expectations: {
        file: 'runc.cgroups.json',
        unexpected: [],
        stale: [],
        notJudged: [{ id: 'linux.cgroups.memory.kernel', expected: 'fail', reason: 'needs cgroup-v1: no kernel memory on v2', condition: 'cgroup-v1' }],
        skipped: [{ id: 'process.x', expected: 'fail', reason: 'the container never started' }],
      },
    };
    const sink = memorySink(false);
    const c = consoleReporter(sink);
    await c.onRunStart?.(info);
    await c.onRunEnd?.(withExp);
    expect(sink.text).toContain('not judged on this host: linux.cgroups.memory.kernel (expected fail): needs cgroup-v1: no kernel memory on v2');
    expect(sink.text).toContain('expected fail but skipped (not a host reason): process.x: the container never started');
    expect(sink.text).toContain('matches baseline runc.cgroups.json');
    const file = join(dir, 'nj.tap');
    const t = await createReporter({ name: 'tap', file });
    await t.onRunStart?.(info);
    await t.onRunEnd?.(withExp);
    expect(await readFile(file, 'utf8')).toContain('# not judged on this host: linux.cgroups.memory.kernel (expected fail): needs cgroup-v1: no kernel memory on v2\n');
  });

  it('reporter specs and custom reporter modules', async () => {
    expect(parseReporterSpec('junit=out/a=b.xml')).toEqual({ name: 'junit', file: 'out/a=b.xml' });
    await expect(createReporter({ name: 'nope' })).rejects.toThrow(/not one of console, tap, junit, json/);
    await expect(createReporter({ name: 'junit' })).rejects.toThrow(/needs a file/);
    const mod = join(dir, 'custom.mjs');
    await writeFile(mod, 'export function createReporter(file) { const seen = []; return { onCaseResult: (r) => seen.push(r.id), onRunEnd: () => { globalThis.ociConformSeen = [file, ...seen]; } }; }\n');
    await feed(await createReporter({ name: mod, file: 'x' }));
    expect((globalThis as { ociConformSeen?: string[] }).ociConformSeen).toEqual(['x', 'lifecycle.a', 'lifecycle.b', 'linux.cgroups.c', 'linux.cgroups.d', 'process.e']);
  });
});

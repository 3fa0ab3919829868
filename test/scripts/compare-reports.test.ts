import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compareReports, main, type Report } from '../../scripts/compare-reports.js';

/** A report of one run: its work dir, run id and cgroup prefix appear in messages as a real run's do. */
function report(runId: string, pid: number, time: string, edit: (cases: Record<string, unknown>[]) => void = () => undefined): Report {
  const workDir = `/dev/shm/oci-conform-${runId}x`;
  const cases: Record<string, unknown>[] = [
    { id: 'a.pass', title: 'passes', file: 'suites/a/pass.case.ts', requirements: ['REQ-A'], outcome: { status: 'pass' }, violations: [] },
    {
      id: 'a.fail',
      title: 'fails',
      file: 'suites/a/fail.case.ts',
      requirements: ['REQ-B'],
      outcome: { status: 'fail', violations: [] },
      violations: [
        { requirement: 'REQ-B', message: `create of ${runId}-7-c failed: \`runc --root ${workDir}/state create\` exited 1: time="${time}" msg="no"` },
        { requirement: 'REQ-B', path: '/x', message: `the container process ${pid} is gone; /proc/${pid}/ns/net; cgroup oci-conform-${runId}/c` },
      ],
    },
    { id: 'a.skip', title: 'skips', file: 'suites/a/skip.case.ts', requirements: ['REQ-C'], outcome: { status: 'skip', reason: 'no userns', condition: 'userns' }, violations: [] },
    { id: 'a.error', title: 'errs', file: 'suites/a/error.case.ts', requirements: ['REQ-D'], outcome: { status: 'error', message: 'boom', timedOut: false }, violations: [] },
  ];
  edit(cases);
  return { run: { workDir, runId, cgroupPrefix: `oci-conform-${runId}` }, results: cases } as unknown as Report;
}

const before = report('oc111111', 4242, '2026-12-05T08:06:23Z');

describe('compareReports', () => {
  it('finds nothing between two runs that differ only in run-specific parts', () => {
    expect(compareReports(before, report('oc222222', 977, '2026-12-05T09:10:11Z'))).toEqual([]);
  });

  it('sees a status change', () => {
    const after = report('oc2', 1, '2026-12-05T09:10:11Z', (cs) => void (cs[0] = { ...cs[0], outcome: { status: 'warn', violations: [] } }));
    expect(compareReports(before, after)).toEqual(['a.pass: status pass -> warn']);
  });

  it('sees a changed violation message, requirement or path', () => {
    const after = report('oc2', 1, '2026-12-05T09:10:11Z', (cs) => {
      const v = (cs[1]!.violations as Record<string, unknown>[])[1]!;
      (cs[1]!.violations as unknown[])[1] = { ...v, path: '/y' };
    });
    const diffs = compareReports(before, after);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatch(/^a\.fail: violations .*REQ-B \/x the container.* -> .*REQ-B \/y the container/);
  });

  it('sees a changed skip reason or condition, an error message, a title or requirements', () => {
    const after = report('oc2', 1, '2026-12-05T09:10:11Z', (cs) => {
      cs[2] = { ...cs[2], outcome: { status: 'skip', reason: 'no userns', condition: 'root' } };
      cs[3] = { ...cs[3], title: 'errs!', requirements: ['REQ-D', 'REQ-E'], outcome: { status: 'error', message: 'boom', timedOut: true } };
    });
    expect(compareReports(before, after)).toEqual([
      'a.skip: skip no userns [userns] -> no userns [root]',
      'a.error: title errs -> errs!',
      'a.error: requirements REQ-D -> REQ-D REQ-E',
      'a.error: error boom -> boom (timed out)',
    ]);
  });

  it('sees a case missing from either report', () => {
    const after = report('oc2', 1, '2026-12-05T09:10:11Z', (cs) => {
      cs.splice(0, 1);
      cs.push({ id: 'a.new', outcome: { status: 'pass' }, violations: [] });
    });
    expect(compareReports(before, after)).toEqual(['a.pass: only in the first report (pass)', 'a.new: only in the second report (pass)']);
  });
});

describe('main', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-reports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, doc: unknown): string => {
    const p = join(dir, name);
    writeFileSync(p, JSON.stringify(doc));
    return p;
  };

  it('exits 0 on agreement, 1 on a difference, 2 on a file that is not a report', () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const a = write('a.json', before);
      expect(main([a, write('b.json', report('oc3', 5, '2026-12-05T10:00:00Z'))])).toBe(0);
      expect(main([a, write('c.json', report('oc3', 5, '2026-12-05T10:00:00Z', (cs) => void cs.pop()))])).toBe(1);
      expect(out.mock.calls.map((c) => String(c[0]))).toContain('a.error: only in the first report (error)\n');
      expect(main([a, write('d.json', { nope: true })])).toBe(2);
      expect(main([a])).toBe(2);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

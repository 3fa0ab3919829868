/**
 * `oci-conform coverage` as a user runs it (needs `npm run build`): text, Markdown and JSON of the whole
 * catalogue, on this host (HOST.md: hybrid cgroups, so cgroup v2 cases are not runnable here).
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../spec/catalogue.js';
import { runCli } from './conform/leftovers.js';

describe('oci-conform coverage', () => {
  it('text: the MUST share per document, then every requirement', async () => {
    const r = await runCli(['coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^runtime-spec\s+config\.md\s+\d+\s+\d+\s+\d+%/m);
    expect(r.stdout).toMatch(/^image-spec\s+manifest\.md\s+\d+\s+\d+\s+\d+%/m);
    expect(r.stdout).toMatch(/^all\s+\d+\s+\d+\s+\d+%/m);
    expect(r.stdout).toMatch(/^ {2}cgroup-v2 +missing: not a pure cgroup v2 host/m);
    expect(r.stdout).toMatch(/^ {2}console-socket +runtime condition: not probed$/m);
    for (const q of CATALOGUE) expect(r.stdout).toContain(`\n  ${q.id}  `);
  });

  it('json: parses, one entry per catalogue requirement, document counts that add up', async () => {
    const r = await runCli(['coverage', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { tool: string; coverage: { requirements: { id: string; status: string; cases: { id: string; runnable: { here: string } }[] }[]; documents: { doc: string; must: number; mustCovered: number }[] } };
    expect(doc.tool).toBe('oci-conform');
    expect(doc.coverage.requirements.map((q) => q.id).sort()).toEqual(CATALOGUE.map((q) => q.id).sort());
    const musts = CATALOGUE.filter((q) => q.spec !== 'runtime-cli').length;
    const total = doc.coverage.documents.reduce((a, d) => a + d.must, 0);
    expect(total).toBeGreaterThan(musts / 2);
    for (const d of doc.coverage.documents) expect(d.mustCovered).toBeLessThanOrEqual(d.must);
    // a cgroup v2 case can't run on this hybrid host
    const v2 = doc.coverage.requirements.flatMap((q) => q.cases).filter((c) => c.id.includes('v2'));
    expect(v2.length).toBeGreaterThan(0);
  });

  it('markdown: every table row has as many cells as its header', async () => {
    const r = await runCli(['coverage', '--format', 'markdown']);
    expect(r.code).toBe(0);
    const cellsOf = (l: string): number => l.replace(/\\\|/g, '').split('|').length - 2;
    let width = 0;
    let tables = 0;
    let rows = 0;
    for (const l of r.stdout.split('\n')) {
      if (!l.startsWith('|')) {
        width = 0;
        continue;
      }
      expect(l.endsWith('|'), l).toBe(true);
      if (width === 0) {
        width = cellsOf(l);
        tables++;
      } else {
        expect(cellsOf(l), l).toBe(width);
        rows++;
      }
    }
    expect(tables).toBe(3);
    expect(rows).toBeGreaterThan(CATALOGUE.length);
  });

  it('--format with another command is a usage error', async () => {
    const r = await runCli(['list', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format is an option of coverage/);
  });
});

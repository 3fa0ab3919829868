/**
 * `oci-conform coverage` as text (for people), Markdown (for a PR comment or a
 * docs page) and JSON (for tools; the CoverageReport of harness/coverage.ts
 * under a `coverage` key with the tool version). One table of MUSTs per
 * document, then one row per requirement.
 */
import { percent, type CoverageReport, type RequirementCoverage } from '../harness/coverage.js';

export type CoverageFormat = 'text' | 'markdown' | 'json';

const DOC_HEAD = ['spec', 'document', 'MUST', 'covered', 'share', 'runnable here', 'untestable', 'SHOULD', 'covered'];

function docRows(r: CoverageReport): string[][] {
  const rows = r.documents.map((d) => [d.spec, d.doc, d.must, d.mustCovered, percent(d.mustCovered, d.must), d.mustRunnableHere, d.mustUntestable, d.should, d.shouldCovered].map(String));
  const sum = (k: 'must' | 'mustCovered' | 'mustRunnableHere' | 'mustUntestable' | 'should' | 'shouldCovered'): number => r.documents.reduce((a, d) => a + d[k], 0);
  rows.push(['all', '', sum('must'), sum('mustCovered'), percent(sum('mustCovered'), sum('must')), sum('mustRunnableHere'), sum('mustUntestable'), sum('should'), sum('shouldCovered')].map(String));
  return rows;
}

/** A case's verdict for this host, short: `yes`, `runtime (console-socket)`, `no (cgroup-v2)`. */
function caseHere(c: RequirementCoverage['cases'][number]): string {
  const r = c.runnable;
  if (r.here === 'yes') return 'yes';
  if (r.here === 'runtime') return `runtime: ${r.runtimeConditions.join(',')}`;
  return `no: ${r.missing.map((m) => m.condition).join(',')}`;
}

const casesCell = (q: RequirementCoverage): string => q.cases.map((c) => `${c.id} (${caseHere(c)})`).join(', ');

function align(head: string[], rows: string[][], leftCols: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < leftCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

const LEGEND = [
  'covered: cited by an oci-validate rule, layout check or schema annotation, or by an oci-conform case;',
  'runnable here: covered by a static check (runs anywhere) or by a case whose host conditions all hold here',
  'and that needs no runtime condition; untestable: marked so in the catalogue, with its reason.',
];

export function coverageText(r: CoverageReport): string {
  const out = ['MUST requirements covered per spec document', '', ...align(DOC_HEAD, docRows(r), 2), '', ...LEGEND, ''];
  out.push('Conditions the cases need, probed on this host (runtime conditions are known only in a run):');
  for (const c of r.conditions) out.push(`  ${c.condition.padEnd(18)} ${c.kind === 'runtime' ? 'runtime condition: not probed' : c.ok ? 'holds' : `missing: ${c.reason}`}`);
  out.push('', 'Requirements (id, level, status, checked by):');
  for (const q of r.requirements) {
    const by = [q.rules.length ? `rules: ${q.rules.join(', ')}` : '', q.cases.length ? `cases: ${casesCell(q)}` : '', q.untestable ? `untestable: ${q.untestable}` : ''].filter(Boolean);
    out.push(`  ${q.id}  ${q.level}  ${q.status}${by.length ? `  ${by.join('; ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** A Markdown table cell: no pipe or newline may break the row. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function mdTable(head: string[], rows: string[][]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function coverageMarkdown(r: CoverageReport): string {
  const out = ['## MUST requirements covered per spec document', '', ...mdTable(DOC_HEAD, docRows(r)), '', LEGEND.join(' '), ''];
  out.push('## Conditions on this host', '', ...mdTable(['condition', 'kind', 'here'], r.conditions.map((c) => [c.condition, c.kind, c.kind === 'runtime' ? 'not probed' : c.ok ? 'holds' : `missing: ${c.reason}`])), '');
  out.push('## Requirements', '');
  const rows = r.requirements.map((q) => [q.id, q.spec, q.doc, q.level, q.status, q.rules.join(', '), casesCell(q), q.untestable ?? '']);
  out.push(...mdTable(['id', 'spec', 'document', 'level', 'status', 'rules', 'cases (runnable here)', 'untestable because'], rows), '');
  return out.join('\n');
}

export function coverageJson(r: CoverageReport, toolVersion: string): string {
  return `${JSON.stringify({ tool: 'oci-conform', version: toolVersion, coverage: r }, null, 2)}\n`;
}

export function renderCoverage(r: CoverageReport, format: CoverageFormat, toolVersion: string): string {
  return format === 'json' ? coverageJson(r, toolVersion) : format === 'markdown' ? coverageMarkdown(r) : coverageText(r);
}

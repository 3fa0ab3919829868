/**
 * The parts of the HTML report, built from the JSON report's objects (RunInfo, RunSummary, CaseResult): the run
 * header with counts, results by spec area (one verdict column per run: a matrix when there are several), results
 * by requirement, and the evidence of each case that did not pass. Formatting only; every value goes through `h`.
 */
import { requirement, specUrl } from '../../spec/catalogue.js';
import type { CaseResult, Status } from '../../harness/model.js';
import type { ExpectationReport, MatrixColumn } from './reporter.js';
import { areaOf, reasonLine, shownViolations } from './evidence.js';
import { describeCgroups, describeHost } from './host-line.js';
import { h, type Raw } from './html-page.js';

const STATUSES: readonly Status[] = ['pass', 'fail', 'warn', 'skip', 'error'];

/** How a result stands against its run's baseline; without a baseline every fail and error is unexpected. */
export type Mark = 'expected' | 'unexpected' | 'stale' | '';

export function markOf(r: CaseResult, exp: ExpectationReport | undefined): Mark {
  const s = r.outcome.status;
  if (!exp) return s === 'fail' || s === 'error' ? 'unexpected' : '';
  if (exp.unexpected.some((u) => u.id === r.id)) return 'unexpected';
  if (exp.stale.some((u) => u.id === r.id)) return 'stale';
  return s === 'fail' || s === 'warn' || s === 'error' ? 'expected' : '';
}

const isBad = (r: CaseResult | undefined): boolean => !!r && r.outcome.status !== 'pass' && r.outcome.status !== 'skip';
const anchor = (col: number, id: string): string => `ev-${col}-${id}`;

function verdict(c: MatrixColumn, col: number, r: CaseResult | undefined): Raw {
  if (!r) return h`<td class="none">—</td>`;
  const s = r.outcome.status;
  const m = markOf(r, c.summary.expectations);
  const badge = h`<span class="v v-${s}">${s.toUpperCase()}</span>${m ? h`<span class="mark m-${m}">${m}</span>` : ''}`;
  const why = reasonLine(r);
  return h`<td class="cell" data-status="${s}" data-mark="${m}"${why ? h` title="${why}"` : ''}>${isBad(r) ? h`<a href="#${anchor(col, r.id)}">${badge}</a>` : badge}</td>`;
}

function runHeader(c: MatrixColumn): Raw {
  const { run, summary: s } = c;
  const e = s.expectations;
  const counts = h`<table class="counts"><tr>${STATUSES.map((st) => h`<th>${st}</th>`)}</tr><tr>${STATUSES.map((st) => h`<td class="n" data-count="${st}">${s.counts[st]}</td>`)}</tr></table>`;
  const baseline = e
    ? e.unexpected.length + e.stale.length === 0
      ? h`<span class="ok">matches baseline</span> ${e.file}`
      : h`<span class="bad">does not match baseline</span> ${e.file}: ${e.unexpected.length} unexpected, ${e.stale.length} stale`
    : h`no baseline (--expectations): every failure counts`;
  const host = run.host.profile;
  return h`<section class="run"><h2>${c.label}</h2><dl class="run">
<dt>runtime</dt><dd>${run.runtime.binary} (${run.runtime.version}; profile ${run.runtime.profile})</dd>
<dt>spec version</dt><dd>${run.specVersion} (configs ${run.configVersion}, from ${run.versionSource}); level ${run.level}</dd>
<dt>host</dt><dd>${host ? describeHost(host) : run.host.kernel}</dd>
${host ? h`<dt>cgroups</dt><dd>${describeCgroups(host)}</dd>` : ''}
<dt>run</dt><dd>${run.runId}, started ${run.startedAt}, ${(s.durationMs / 1000).toFixed(1)} s, ${run.selection.selected} of ${run.selection.total} cases, ${run.tool.name} ${run.tool.version}</dd>
<dt>verdict</dt><dd>exit ${s.exitCode}; ${baseline}${s.interrupted ? h` <span class="bad">interrupted</span>` : ''}${s.leftovers.length ? h` <span class="bad">left behind: ${s.leftovers.join(', ')}</span>` : ''}</dd>
</dl>${counts}${areaCounts(s.results)}</section>`;
}

function areaCounts(results: readonly CaseResult[]): Raw {
  const byArea = new Map<string, Record<Status, number>>();
  for (const r of results) {
    const row = byArea.get(areaOf(r.id)) ?? { pass: 0, fail: 0, warn: 0, skip: 0, error: 0 };
    row[r.outcome.status]++;
    byArea.set(areaOf(r.id), row);
  }
  const rows = [...byArea].sort(([a], [b]) => (a < b ? -1 : 1));
  return h`<table class="areas"><tr><th>spec area</th>${STATUSES.map((s) => h`<th>${s}</th>`)}</tr>${rows.map(([a, row]) => h`<tr><td>${a}</td>${STATUSES.map((s) => h`<td class="n">${row[s]}</td>`)}</tr>`)}</table>`;
}

/** The data-* of a row the filters read: bad in any column, unexpected in any column. */
function rowFlags(cols: readonly MatrixColumn[], rs: readonly (CaseResult | undefined)[]): Raw {
  const bad = rs.some(isBad);
  const unexpected = rs.some((r, i) => !!r && markOf(r, cols[i]!.summary.expectations) === 'unexpected');
  return h` data-row data-bad="${bad ? 1 : 0}" data-unexpected="${unexpected ? 1 : 0}"`;
}

function resultsTable(cols: readonly MatrixColumn[]): Raw {
  const maps = cols.map((c) => new Map(c.summary.results.map((r) => [r.id, r])));
  const ids = [...new Set(cols.flatMap((c) => c.summary.results.map((r) => r.id)))].sort();
  const single = cols.length === 1;
  const rows: Raw[] = [];
  let area = '';
  for (const id of ids) {
    if (areaOf(id) !== area) {
      area = areaOf(id);
      rows.push(h`<tr class="area"><th colspan="${cols.length + (single ? 3 : 2)}">${area}</th></tr>`);
    }
    const rs = maps.map((m) => m.get(id));
    const any = rs.find((r) => r)!;
    rows.push(
      h`<tr${rowFlags(cols, rs)} data-id="${id}"><td><code>${id}</code><div class="why">${any.title}</div></td><td>${any.requirements.join(' ')}</td>${rs.map((r, i) => verdict(cols[i]!, i, r))}${single ? h`<td class="why">${rs[0] ? reasonLine(rs[0]) : ''}</td>` : ''}</tr>`,
    );
  }
  return h`<h2>Results by spec area</h2><table id="results"><tr><th>case</th><th>requirements</th>${cols.map((c) => h`<th>${c.label}</th>`)}${single ? h`<th>why</th>` : ''}</tr>${rows}</table>`;
}

function requirementsTable(cols: readonly MatrixColumn[]): Raw {
  const byReq = new Map<string, Set<string>>();
  for (const c of cols) for (const r of c.summary.results) for (const q of r.requirements) byReq.set(q, (byReq.get(q) ?? new Set()).add(r.id));
  const version = cols[0]!.run.specVersion;
  const maps = cols.map((c) => new Map(c.summary.results.map((r) => [r.id, r])));
  const rows = [...byReq].sort(([a], [b]) => (a < b ? -1 : 1)).map(([q, ids]) => {
    const req = requirement(q);
    const cases = [...ids].sort();
    const rs = cases.flatMap((id) => maps.map((m) => m.get(id)));
    const perCol = maps.map((m, i) => worst(cases.map((id) => m.get(id)), cols[i]!, i));
    return h`<tr${rowFlags(cases.flatMap(() => cols), rs)}><td>${req ? h`<a href="${specUrl(req, version)}">${q}</a>` : q}</td><td>${req?.keyword ?? ''}</td><td>${cases.join(' ')}</td>${perCol}</tr>`;
  });
  return h`<h2>Results by requirement</h2><table id="requirements"><tr><th>requirement</th><th>keyword</th><th>cases</th>${cols.map((c) => h`<th>${c.label}</th>`)}</tr>${rows}</table>`;
}

const RANK: Readonly<Record<Status, number>> = { error: 4, fail: 3, warn: 2, pass: 1, skip: 0 };
/** The worst verdict among a requirement's cases in one column. */
function worst(rs: readonly (CaseResult | undefined)[], c: MatrixColumn, col: number): Raw {
  const present = rs.filter((r): r is CaseResult => !!r);
  if (present.length === 0) return verdict(c, col, undefined);
  return verdict(c, col, present.reduce((a, b) => (RANK[b.outcome.status] > RANK[a.outcome.status] ? b : a)));
}

const json = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v, null, 2));

function evidence(c: MatrixColumn, col: number, r: CaseResult): Raw {
  const o = r.outcome;
  const m = markOf(r, c.summary.expectations);
  const violations = shownViolations(r, c.run.specVersion).map(
    (v) => h`<li><b>${v.requirement}</b> (${v.level})${v.path !== undefined ? h` at <code>${v.path}</code>` : ''}: ${v.message}
${'expected' in v || 'actual' in v ? h`<table class="diff"><tr><th>expected</th><th>actual</th></tr><tr><td><pre>${json(v.expected)}</pre></td><td><pre>${json(v.actual)}</pre></td></tr></table>` : ''}
${v.reference ? h`<div>spec: <a href="${v.reference}">${v.reference}</a></div>` : ''}</li>`,
  );
  const calls = r.calls.map(
    (k) => h`<tr><td><code>${k.argv.join(' ')}</code></td><td class="n">${k.spawnError ?? (k.exitCode ?? k.signal ?? '')}${k.timedOut ? ' (timed out)' : ''}</td><td class="n">${Math.round(k.durationMs)} ms</td><td>${k.stderr ? h`<pre>${k.stderr}</pre>` : ''}</td></tr>`,
  );
  return h`<section class="ev ev-${o.status}${m ? ` ev-${m}` : ''}" id="${anchor(col, r.id)}" data-row data-bad="1" data-unexpected="${m === 'unexpected' ? 1 : 0}">
<h3><span class="v v-${o.status}">${o.status.toUpperCase()}</span>${m ? h`<span class="mark m-${m}">${m}</span>` : ''} <code>${r.id}</code> — ${r.title} <small>(${c.label}, ${r.file})</small></h3>
${o.status === 'error' ? h`<p>${o.message}${o.timedOut ? ' (timed out)' : ''}</p>` : ''}
${violations.length ? h`<ul>${violations}</ul>` : ''}
${r.configs.map((k) => h`<details><summary>config.json of ${k.id}</summary><pre>${json(k.config)}</pre></details>`)}
${calls.length ? h`<details open><summary>runtime calls (${calls.length})</summary><table class="calls"><tr><th>argv</th><th>exit</th><th>time</th><th>stderr</th></tr>${calls}</table></details>` : ''}
${r.containerStderr ? h`<div>container stderr:<pre>${r.containerStderr}</pre></div>` : ''}
${r.notes.length ? h`<ul class="notes">${r.notes.map((n) => h`<li>note: ${n}</li>`)}</ul>` : ''}
</section>`;
}

function evidenceSections(cols: readonly MatrixColumn[]): Raw {
  const parts = cols.flatMap((c, i) => c.summary.results.filter(isBad).map((r) => evidence(c, i, r)));
  return h`<h2>Evidence</h2>${parts.length ? parts : h`<p>Every case passed or was skipped.</p>`}`;
}

export function reportBody(cols: readonly MatrixColumn[]): Raw {
  const title = cols.length === 1 ? `oci-conform: ${cols[0]!.label}` : `oci-conform: ${cols.length} runs`;
  return h`<h1>${title}</h1>
${cols.map(runHeader)}
<div class="filters"><label><input type="checkbox" id="only-failed"> failed only</label>
<label><input type="checkbox" id="only-unexpected"> unexpected only</label>
<span>cases shown: <span id="shown">${new Set(cols.flatMap((c) => c.summary.results.map((r) => r.id))).size}</span></span></div>
${resultsTable(cols)}
${requirementsTable(cols)}
${evidenceSections(cols)}`;
}

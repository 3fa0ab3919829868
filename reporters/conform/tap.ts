/**
 * TAP 14: one test point per case, a YAML block with the evidence of each
 * non-pass (requirement, level, reference, expected, actual, config path).
 * Values are written as JSON, which YAML reads as flow scalars.
 */
import type { CaseResult } from '../../harness/model.js';
import type { ConformReporter, RunInfo, RunSummary } from './reporter.js';
import { reasonLine, shownViolations } from './evidence.js';
import type { Sink } from './output.js';
import { describeCgroups, describeHost } from './host-line.js';

const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/\n/g, ' ');
const y = (v: unknown): string => JSON.stringify(v ?? null);

export function tapReporter(sink: Sink): ConformReporter {
  let n = 0;
  let info: RunInfo | undefined;
  const block = (r: CaseResult): string[] => {
    const lines = ['  ---', `  file: ${y(r.file)}`, `  durationMs: ${Math.round(r.durationMs)}`];
    if (r.outcome.status === 'error') lines.push(`  message: ${y(r.outcome.message)}`, `  timedOut: ${r.outcome.timedOut}`);
    const vs = shownViolations(r, info?.specVersion ?? '');
    if (vs.length > 0) {
      lines.push('  violations:');
      for (const v of vs) {
        lines.push(`    - requirement: ${y(v.requirement)}`, `      level: ${v.level}`);
        if (v.reference) lines.push(`      reference: ${y(v.reference)}`);
        lines.push(`      message: ${y(v.message)}`);
        if (v.expected !== undefined) lines.push(`      expected: ${y(v.expected)}`);
        if (v.actual !== undefined) lines.push(`      actual: ${y(v.actual)}`);
      }
    }
    for (const c of r.configs) lines.push(`  config: ${y(c.path)}`);
    if (r.configs[0]) lines.push(`  configJson: ${y(r.configs[0].config)}`);
    if (r.containerStderr) lines.push(`  containerStderr: ${y(r.containerStderr)}`);
    if (r.notes.length) lines.push(`  notes: ${y(r.notes)}`);
    lines.push('  ...');
    return lines;
  };
  return {
    onRunStart(i) {
      info = i;
      sink.write('TAP version 14\n');
      sink.write(`# oci-conform ${i.tool.version}: ${i.runtime.binary} (${i.runtime.version}), runtime-spec ${i.specVersion}, level ${i.level}\n`);
      sink.write(`# run ${i.runId} in ${i.workDir}\n`);
      if (i.host.profile) sink.write(`# host ${esc(describeHost(i.host.profile))}\n# cgroups ${esc(describeCgroups(i.host.profile))}\n`);
      sink.write(`# cases ${i.selection.selected}\n`);
      for (const [c, s] of Object.entries(i.host.conditions)) sink.write(`# condition ${c}: ${s.ok ? 'yes' : `no (${esc(s.reason)})`}\n`);
    },
    onCaseResult(r) {
      n++;
      const o = r.outcome;
      const title = `${esc(r.id)}`;
      if (o.status === 'pass') sink.write(`ok ${n} - ${title}\n`);
      else if (o.status === 'skip') sink.write(`ok ${n} - ${title} # SKIP ${esc(o.reason)}\n`);
      else if (o.status === 'warn') sink.write(`ok ${n} - ${title} \\# warn: ${esc(reasonLine(r))}\n${block(r).join('\n')}\n`);
      else sink.write(`not ok ${n} - ${title}\n${block(r).join('\n')}\n`);
    },
    onRunEnd(s: RunSummary) {
      if (!info) sink.write('TAP version 14\n');
      if (s.stopped) {
        // The plan is left out: a bail out tells the consumer the run ended early, and why.
        sink.write(`Bail out! ${s.stopped.code}: ${s.stopped.message.replace(/\n/g, ' ')}\n`);
      } else sink.write(`1..${n}\n`);
      if (s.interrupted) sink.write('# interrupted\n');
      for (const n of s.expectations?.notJudged ?? []) sink.write(`# not judged on this host: ${n.id} (expected ${n.expected}): ${esc(n.reason)}\n`);
      for (const n of s.expectations?.skipped ?? []) sink.write(`# expected ${n.expected} but skipped: ${n.id}: ${esc(n.reason)}\n`);
      sink.write(`# pass ${s.counts.pass} fail ${s.counts.fail} warn ${s.counts.warn} skip ${s.counts.skip} error ${s.counts.error}\n`);
      sink.close();
    },
  };
}

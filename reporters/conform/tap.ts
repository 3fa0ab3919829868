/**
 * TAP: one test point per case, a YAML block with the evidence of each
 * non-pass (requirement, level, reference, expected, actual, each container's
 * config). TAP 14 by default; `tap13` writes the same stream as TAP 13, the
 * newest version older consumers (Perl's prove on Debian 12) accept.
 * The block is written by the `yaml` package, so it is valid YAML whatever a
 * message or config holds.
 */
import { stringify } from 'yaml';
import type { CaseResult } from '../../harness/model.js';
import type { ConformReporter, RunInfo, RunSummary } from './reporter.js';
import { reasonLine, shownViolations } from './evidence.js';
import type { Sink } from './output.js';
import { describeCgroups, describeHost } from './host-line.js';

export type TapVersion = 13 | 14;

const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/\n/g, ' ');

/** The diagnostic of a non-pass as data: what the YAML block holds, key for key. */
export function tapDiagnostic(r: CaseResult, specVersion: string): Record<string, unknown> {
  const d: Record<string, unknown> = { file: r.file, durationMs: Math.round(r.durationMs) };
  if (r.outcome.status === 'error') Object.assign(d, { message: r.outcome.message, timedOut: r.outcome.timedOut });
  const vs = shownViolations(r, specVersion);
  if (vs.length > 0) {
    d.violations = vs.map((v) => ({
      requirement: v.requirement,
      level: v.level,
      ...(v.reference ? { reference: v.reference } : {}),
      message: v.message,
      ...(v.path !== undefined ? { path: v.path } : {}),
      ...(v.expected !== undefined ? { expected: v.expected } : {}),
      ...(v.actual !== undefined ? { actual: v.actual } : {}),
    }));
  }
  // one entry per container: a case with two has two, never a repeated key
  if (r.configs.length > 0) d.containers = r.configs.map((c) => ({ id: c.id, configPath: c.path, config: c.config }));
  if (r.containerStderr) d.containerStderr = r.containerStderr;
  if (r.notes.length) d.notes = [...r.notes];
  return d;
}

/** A YAML block indented under its test point, from `---` to `...`. */
function yamlBlock(d: Record<string, unknown>): string {
  // Plain YAML that YAMLish readers (Perl's prove) read as well: no folding (lineWidth 0), a string with line breaks
  // as one double-quoted line with \n escapes (they know neither `|-` nor multi-line quoted scalars), no single
  // quotes, no anchors and aliases for shared arrays.
  const body = stringify(d, {
    lineWidth: 0,
    minContentWidth: 0,
    blockQuote: false,
    doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
    singleQuote: false,
    aliasDuplicateObjects: false,
  }).trimEnd();
  return ['  ---', ...body.split('\n').map((l) => `  ${yamlishItem(l)}`), '  ...'].join('\n');
}

/**
 * A list item that is one double-quoted string, with its colons escaped (`\x3a`, the same character to any YAML
 * reader): YAMLish takes an item whose first word ends in a colon (`- "cleanup: …"`) for a mapping.
 */
function yamlishItem(line: string): string {
  const m = /^(\s*- )("(?:\\.|[^"\\])*")$/.exec(line);
  return m ? `${m[1]}${m[2]!.replace(/:/g, '\\x3a')}` : line;
}

export function tapReporter(sink: Sink, version: TapVersion = 14): ConformReporter {
  let n = 0;
  let info: RunInfo | undefined;
  const block = (r: CaseResult): string => yamlBlock(tapDiagnostic(r, info?.specVersion ?? ''));
  return {
    onRunStart(i) {
      info = i;
      sink.write(`TAP version ${version}\n`);
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
      else if (o.status === 'warn') sink.write(`ok ${n} - ${title} \\# warn: ${esc(reasonLine(r))}\n${block(r)}\n`);
      else sink.write(`not ok ${n} - ${title}\n${block(r)}\n`);
    },
    onRunEnd(s: RunSummary) {
      if (!info) sink.write(`TAP version ${version}\n`);
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

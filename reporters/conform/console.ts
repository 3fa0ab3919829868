/**
 * Console reporter: on a TTY, one progress line rewritten in place with
 * failures printed above it; otherwise one plain line per case. Colours
 * follow colors.ts (TTY only, NO_COLOR respected), and none with color: false
 * (--no-color).
 */
import type { CaseResult } from '../../harness/model.js';
import { paint } from './colors.js';
import { headerLines } from './console-header.js';
import { summaryLines } from './console-summary.js';
import { isExpected, reasonLine } from './evidence.js';
import type { Sink } from './output.js';
import type { ConformReporter, ExpectedResults, RunInfo } from './reporter.js';

export function consoleReporter(sink: Sink, opts: { readonly color?: boolean } = {}): ConformReporter {
  const p = paint(sink.isTTY && opts.color !== false);
  let info: RunInfo | undefined;
  let expected: ExpectedResults = {};
  let done = 0;
  let failed = 0;
  const bar = (): string => {
    const total = info?.selection.selected ?? 0;
    const width = 30;
    const filled = total ? Math.min(width, Math.round((done / total) * width)) : width;
    return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${failed ? p.red(` ${failed} failed`) : ''}`;
  };
  const line = (r: CaseResult): string => {
    const o = r.outcome;
    const ms = p.dim(`(${Math.round(r.durationMs)} ms)`);
    switch (o.status) {
      case 'pass':
        return `${p.green('PASS')} ${r.id} ${ms}`;
      case 'skip':
        return `${p.dim('SKIP')} ${r.id}: ${o.reason}`;
      case 'warn':
        return isExpected(r, expected[r.id]) ? p.dim(`EXPECTED WARN ${r.id}: ${reasonLine(r)}`) : `${p.yellow('WARN')} ${r.id}: ${reasonLine(r)}`;
      default:
        // a failure the baseline expects is not news: dim, and named as expected (the gate's verdict comes at the end)
        if (isExpected(r, expected[r.id])) return p.dim(`EXPECTED ${o.status.toUpperCase()} ${r.id}: ${reasonLine(r)} (${Math.round(r.durationMs)} ms)`);
        return `${p.red(o.status.toUpperCase())} ${r.id}: ${reasonLine(r)} ${ms}`;
    }
  };
  return {
    onRunStart(i) {
      info = i;
      sink.write(`${headerLines(i, p).join('\n')}\n\n`);
    },
    onExpectations(e) {
      expected = e;
    },
    onCaseResult(r) {
      done++;
      if (r.outcome.status === 'fail' || r.outcome.status === 'error') failed++;
      if (sink.isTTY) {
        if (r.outcome.status !== 'pass' && r.outcome.status !== 'skip') sink.write(`\r\u001b[K${line(r)}\n`);
        sink.write(bar());
      } else sink.write(`${line(r)}\n`);
    },
    onRunEnd(s) {
      if (sink.isTTY) sink.write('\r\u001b[K');
      sink.write(`${summaryLines(s, info?.specVersion ?? '', p, expected).join('\n')}\n`);
      sink.close();
    },
  };
}

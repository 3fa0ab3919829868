/**
 * HTML reporter (`--reporter html=FILE`): one self-contained page for people, built from the same objects as the
 * JSON report. A run gives one column; `oci-conform merge` of runs of different runtimes or hosts gives a matrix
 * (onMatrix). docs/INTERPRETING.md, "The HTML report".
 */
import type { ConformReporter, MatrixColumn, RunInfo } from './reporter.js';
import { esc, page } from './html-page.js';
import { reportBody } from './html-sections.js';
import { columnLabel } from './host-line.js';
import type { Sink } from './output.js';

export function htmlReporter(sink: Sink): ConformReporter {
  let info: RunInfo | undefined;
  const write = (cols: readonly MatrixColumn[]): void => {
    sink.write(page(cols.length === 1 ? `oci-conform: ${cols[0]!.label}` : `oci-conform: ${cols.map((c) => c.label).join(', ')}`, reportBody(cols)));
    sink.close();
  };
  return {
    onRunStart(i) {
      info = i;
    },
    onRunEnd(s) {
      if (!info) {
        // Stopped before its cases: no run to show but why.
        const why = s.stopped ? `${s.stopped.code}: ${s.stopped.message}` : 'the run did not start';
        sink.write(page('oci-conform: stopped', { html: `<h1>oci-conform: stopped</h1><p class="bad">${esc(why)}</p>` }));
        sink.close();
        return;
      }
      write([{ label: columnLabel(info), run: info, summary: s }]);
    },
    onMatrix(cols) {
      write(cols);
    },
  };
}


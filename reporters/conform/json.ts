/**
 * JSON reporter: one document per run, the versioned shape documented in
 * docs/INTERPRETING.md: { reportVersion, run: RunInfo, stopped?, summary: {...}, results: CaseResult[] },
 * written whatever the exit code (a run stopped before its cases has `stopped` and a partial `run`).
 */
import type { ConformReporter, RunInfo, RunSummary } from './reporter.js';
import { REPORT_VERSION } from './reporter.js';
import { shownViolations } from './evidence.js';
import type { Sink } from './output.js';

export function jsonReporter(sink: Sink): ConformReporter {
  let info: RunInfo | undefined;
  return {
    onRunStart(i) {
      info = i;
    },
    onRunEnd(s: RunSummary) {
      const version = info?.specVersion ?? '';
      const doc = {
        reportVersion: REPORT_VERSION,
        run: info ?? s.runSoFar,
        ...(s.stopped ? { stopped: s.stopped } : {}),
        summary: {
          counts: s.counts,
          durationMs: Math.round(s.durationMs),
          interrupted: s.interrupted,
          exitCode: s.exitCode,
          leftovers: s.leftovers,
          expectations: s.expectations,
        },
        results: s.results.map((r) => ({
          ...r,
          durationMs: Math.round(r.durationMs),
          violations: shownViolations(r, version),
        })),
      };
      sink.write(`${JSON.stringify(doc, null, 2)}\n`);
      sink.close();
    },
  };
}

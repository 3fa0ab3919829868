/**
 * The machine-readable report. Its shape is versioned (docs/INTERPRETING.md):
 * a change that removes or renames a field bumps `schemaVersion`. `errors` lists the inputs that could not be
 * read (exit 2), so a report of a failed run can't pass for a clean one.
 */
import type { ValidateFormatter } from './format.js';
import { countDiagnostics } from './format.js';

export const JSON_REPORT_VERSION = 1;

export const json: ValidateFormatter = (results, { inputErrors = [] }) =>
  `${JSON.stringify(
    {
      schemaVersion: JSON_REPORT_VERSION,
      tool: 'oci-validate',
      summary: { documents: results.length, ...countDiagnostics(results) },
      errors: inputErrors.map((e) => ({ file: e.file, code: e.code, message: e.message })),
      documents: results.map((r) => ({ file: r.file, kind: r.kind ?? null, specVersion: r.version ?? null, diagnostics: r.diagnostics })),
    },
    null,
    2,
  )}\n`;

/**
 * The machine-readable report. Its shape is versioned (docs/INTERPRETING.md):
 * a change that removes or renames a field bumps `schemaVersion`.
 */
import type { ValidateFormatter } from './format.js';
import { countDiagnostics } from './format.js';

export const JSON_REPORT_VERSION = 1;

export const json: ValidateFormatter = (results) =>
  `${JSON.stringify(
    {
      schemaVersion: JSON_REPORT_VERSION,
      tool: 'oci-validate',
      summary: { documents: results.length, ...countDiagnostics(results) },
      documents: results.map((r) => ({ file: r.file, kind: r.kind ?? null, specVersion: r.version ?? null, diagnostics: r.diagnostics })),
    },
    null,
    2,
  )}\n`;

import type { DocumentResult } from '../../validators/document.js';

/** A report renderer for oci-validate: all results in, one text out. */
export type ValidateFormatter = (results: readonly DocumentResult[], opts: { readonly color: boolean }) => string;

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countDiagnostics(results: readonly DocumentResult[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results)
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}

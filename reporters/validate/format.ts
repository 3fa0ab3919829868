import type { CatalogueModule } from '../../spec/loaded-catalogue.js';
import type { DocumentResult } from '../../validators/document.js';

export interface FormatOptions {
  readonly color: boolean;
  /** The requirement catalogue, given whenever a diagnostic cites a requirement (a clean run never loads it). */
  readonly catalogue: Pick<CatalogueModule, 'requirement'> | undefined;
}

/** A report renderer for oci-validate: all results in, one text out. */
export type ValidateFormatter = (results: readonly DocumentResult[], opts: FormatOptions) => string;

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

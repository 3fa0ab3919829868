import type { CatalogueModule } from '../../spec/loaded-catalogue.js';
import type { DocumentResult } from '../../validators/document.js';

/** An input oci-validate could not read (exit 2): the path as given, its OCI_INPUT_* code, the line printed on stderr. */
export interface InputError {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

export interface FormatOptions {
  readonly color: boolean;
  /** Inputs that could not be read: a report with any is of a failed run, whatever its findings. */
  readonly inputErrors?: readonly InputError[];
  /** oci-validate's version, for the formats that name the tool (SARIF's driver). */
  readonly toolVersion?: string;
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

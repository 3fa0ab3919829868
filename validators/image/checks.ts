/**
 * The checks the image layout walker makes (they are not JSON-document rules:
 * they need blobs and layer contents). Listed here so that requirement
 * coverage and the catalogue lint see them.
 */
export interface LayoutCheck {
  /** Rule id the walker puts on its diagnostics, e.g. 'layout.blob.digest-mismatch'. */
  readonly id: string;
  readonly requirements: readonly string[];
}

export const LAYOUT_CHECKS: readonly LayoutCheck[] = [];

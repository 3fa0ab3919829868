/**
 * The requirement catalogue is large (every requirement with its summary) and a
 * document without findings never needs it, so the validator imports it only
 * when a finding cites a requirement, and hands it to whoever needs it after
 * (the CLI gives it to the formatters).
 */
import type * as Catalogue from './catalogue.js';

export type CatalogueModule = Pick<typeof Catalogue, 'requirement' | 'levelAt' | 'specUrl'>;

/** The catalogue, imported on first use (then the module system keeps it). */
export function loadCatalogue(): Promise<CatalogueModule> {
  return import('./catalogue.js');
}

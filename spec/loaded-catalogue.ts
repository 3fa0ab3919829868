/**
 * The requirement catalogue is large (every requirement with its summary) and a
 * document without findings never needs it, so the validator loads it only
 * when a finding cites a requirement. Reporters that run afterwards and must
 * stay synchronous (SARIF's rule descriptions) take it from here: it is set as
 * soon as spec/catalogue.ts is evaluated, whoever imported it.
 */
import type * as Catalogue from './catalogue.js';

export type CatalogueModule = Pick<typeof Catalogue, 'requirement' | 'levelAt' | 'specUrl'>;

let loaded: CatalogueModule | undefined;

/** Called by spec/catalogue.ts when it is evaluated. */
export function catalogueLoaded(c: CatalogueModule): void {
  loaded = c;
}

/** The catalogue, loading it on first use. */
export async function loadCatalogue(): Promise<CatalogueModule> {
  return loaded ?? (await import('./catalogue.js'));
}

/** The catalogue if anything has loaded it (every finding that cites a requirement has). */
export function loadedCatalogue(): CatalogueModule | undefined {
  return loaded;
}

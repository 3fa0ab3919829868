import type { Level, Requirement, SpecName } from './types.js';
import { levelOfKeyword } from './types.js';
import { reached, specTag } from './versions.js';
import { RUNTIME_REQUIREMENTS } from './runtime/index.js';
import { IMAGE_REQUIREMENTS } from './image/index.js';
import { catalogueLoaded } from './loaded-catalogue.js';

/** Every requirement we know, all specs together. */
export const CATALOGUE: readonly Requirement[] = [...RUNTIME_REQUIREMENTS, ...IMAGE_REQUIREMENTS];

let byId: Map<string, Requirement> | undefined;

export function requirement(id: string): Requirement | undefined {
  byId ??= new Map(CATALOGUE.map((r) => [r.id, r]));
  return byId.get(id);
}

/** The level a requirement has in a given spec version (following its recorded changes). */
export function levelAt(r: Requirement, version: string): Exclude<Level, 'INFO'> {
  const basis = r.keyword === 'IMPLIED' && r.basis ? requirement(r.basis) : undefined;
  let level = basis ? levelAt(basis, version) : levelOfKeyword(r.keyword);
  for (const c of r.changes ?? []) if (reached(version, c.since, c.dev)) level = c.level;
  return level;
}

const REPO: Readonly<Record<SpecName, string>> = {
  'runtime-spec': 'https://github.com/opencontainers/runtime-spec',
  'image-spec': 'https://github.com/opencontainers/image-spec',
};

/** The spec text for a requirement, at the tag of the version the document declares. */
export function specUrl(r: Pick<Requirement, 'spec' | 'doc' | 'anchor'>, version: string): string {
  return `${REPO[r.spec]}/blob/${r.spec === 'runtime-spec' ? specTag(version) : `v${version}`}/${r.doc}#${r.anchor}`;
}

catalogueLoaded({ requirement, levelAt, specUrl });

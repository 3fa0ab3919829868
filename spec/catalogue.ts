import type { Level, Requirement, SpecName } from './types.js';
import { levelOfKeyword } from './types.js';
import { reached, specTag } from './versions.js';
import { RUNTIME_REQUIREMENTS } from './runtime/index.js';
import { IMAGE_REQUIREMENTS } from './image/index.js';
import { RUNTIME_CLI } from './cli/runtime-cli.js';

/** Every requirement we know, all specs together. */
export const CATALOGUE: readonly Requirement[] = [...RUNTIME_REQUIREMENTS, ...IMAGE_REQUIREMENTS, ...RUNTIME_CLI];

let byId: Map<string, Requirement> | undefined;

export function requirement(id: string): Requirement | undefined {
  byId ??= new Map(CATALOGUE.map((r) => [r.id, r]));
  return byId.get(id);
}

/** The level a requirement has in a given spec version (following its recorded changes). */
export function levelAt(r: Requirement, version: string): Exclude<Level, 'INFO'> {
  if (r.spec === 'runtime-cli') return 'SHOULD'; // a convention outside the spec: never above a warning by default
  const basis = r.keyword === 'IMPLIED' && r.basis ? requirement(r.basis) : undefined;
  let level = basis ? levelAt(basis, version) : levelOfKeyword(r.keyword);
  for (const c of r.changes ?? []) if (reached(version, c.since, c.dev)) level = c.level;
  return level;
}

const REPO: Readonly<Record<SpecName, string>> = {
  'runtime-spec': 'https://github.com/opencontainers/runtime-spec',
  'image-spec': 'https://github.com/opencontainers/image-spec',
  'runtime-cli': 'https://github.com/opencontainers/runtime-tools',
};

/** The spec text for a requirement, at the tag of the version the document declares. */
export function specUrl(r: Pick<Requirement, 'spec' | 'doc' | 'anchor'>, version: string): string {
  // The CLI document is versioned on its own, not with the runtime-spec tags.
  if (r.spec === 'runtime-cli') return `${REPO[r.spec]}/blob/master/${r.doc}#${r.anchor}`;
  return `${REPO[r.spec]}/blob/${r.spec === 'runtime-spec' ? specTag(version) : `v${version}`}/${r.doc}#${r.anchor}`;
}

/**
 * Walks one of our schemas and extracts what the validator needs besides ajv:
 * which requirement each schema node stands for (by ajv schemaPath), and which
 * instance locations carry a since-version or an exact integer type.
 */
import type { RequirementId } from '../../spec/types.js';
import type { Schema } from './dsl.js';
import type { MetaNode } from './trie.js';
import { buildTrie } from './trie.js';

export interface SchemaMeta {
  /** ajv schemaPath ('#/properties/process/properties/cwd') -> requirement id. */
  readonly requirements: Readonly<Record<string, RequirementId>>;
  /** Instance pointer pattern ('/process/rlimits/*\/type', '*' one token) -> version. */
  readonly since: Readonly<Record<string, string>>;
  /** Instance pointer pattern -> exact integer kind. */
  readonly ints: Readonly<Record<string, string>>;
  /** Instance pointer pattern of an object -> the property names it knows. */
  readonly known: Readonly<Record<string, readonly string[]>>;
  /** since, ints and known as one trie, which the rules walk a document along. */
  readonly trie: MetaNode;
}

const BRANCHES = ['allOf', 'anyOf', 'oneOf'] as const;

export function extractMeta(root: Schema): SchemaMeta {
  const requirements: Record<string, RequirementId> = {};
  const since: Record<string, string> = {};
  const ints: Record<string, string> = {};
  const known: Record<string, string[]> = {};

  const walk = (s: unknown, schemaPath: string, instance: string): void => {
    if (typeof s !== 'object' || s === null) return;
    const node = s as Record<string, unknown>;
    // a catalogue id: the DSL types 'x-requirement' (dsl.ts Schema)
    if (typeof node['x-requirement'] === 'string') requirements[schemaPath] = node['x-requirement'] as RequirementId;
    if (typeof node['x-since'] === 'string') since[instance] = node['x-since'];
    if (typeof node['x-int'] === 'string') ints[instance] = node['x-int'];
    const props = node.properties as Record<string, unknown> | undefined;
    if (props && typeof props === 'object') {
      const names = new Set(known[instance] ?? []);
      for (const [k, v] of Object.entries(props)) {
        names.add(k);
        walk(v, `${schemaPath}/properties/${escapeToken(k)}`, `${instance}/${escapeToken(k)}`);
      }
      known[instance] = [...names];
    }
    if (node.items && typeof node.items === 'object') walk(node.items, `${schemaPath}/items`, `${instance}/*`);
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      walk(node.additionalProperties, `${schemaPath}/additionalProperties`, `${instance}/*`);
    const pp = node.patternProperties as Record<string, unknown> | undefined;
    if (pp) for (const [k, v] of Object.entries(pp)) walk(v, `${schemaPath}/patternProperties/${escapeToken(k)}`, `${instance}/*`);
    for (const b of BRANCHES) {
      const list = node[b];
      if (Array.isArray(list)) list.forEach((sub, i) => walk(sub, `${schemaPath}/${b}/${i}`, instance));
    }
    for (const k of ['if', 'then', 'else', 'not'] as const) if (node[k]) walk(node[k], `${schemaPath}/${k}`, instance);
  };
  walk(root, '#', '');
  return { requirements, since, ints, known, trie: buildTrie(since, ints, known) };
}

function escapeToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whether a concrete pointer matches a pattern whose '*' tokens stand for any one token. */
export function matchPattern(pattern: string, pointer: string): boolean {
  if (pattern === pointer) return true;
  const a = pattern.split('/');
  const b = pointer.split('/');
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== '*' && a[i] !== b[i]) return false;
  return true;
}

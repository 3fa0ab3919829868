/**
 * SchemaMeta's pointer patterns as a trie, so a document is matched against
 * them in one walk instead of pattern by pattern.
 */
import type { JsonValue } from '../json/parse.js';
import { escapePointerToken } from '../json/parse.js';

/**
 * A node of the trie: plain data, so that the build writes it out as JSON and
 * a start only parses it (validators/generated/schemas/*.meta.js).
 */
export interface MetaNode {
  /** Children by unescaped token; own properties only (a token may be '__proto__'). */
  readonly children?: { readonly [token: string]: MetaNode };
  /** The child for any one token ('*' in a pattern: array items, map values). */
  readonly wildcard?: MetaNode;
  readonly since?: string;
  readonly int?: string;
  /** For an object: the property names the schema knows (each also has a child). */
  readonly known?: readonly string[];
}

type Building = { -readonly [K in keyof MetaNode]: K extends 'children' ? Record<string, Building> : K extends 'wildcard' ? Building : MetaNode[K] };

function insert(root: Building, pattern: string): Building {
  let cur = root;
  if (pattern === '') return cur;
  for (const t of pattern.slice(1).split('/')) {
    if (t === '*') cur = cur.wildcard ??= {};
    else {
      const tok = t.replace(/~1/g, '/').replace(/~0/g, '~');
      // no prototype: assigning '__proto__' makes an own property, as JSON.parse does
      const children = (cur.children ??= Object.create(null) as Record<string, Building>);
      cur = Object.hasOwn(children, tok) ? children[tok]! : (children[tok] = {});
    }
  }
  return cur;
}

/** The trie of a schema's pointer patterns (since, ints, known of SchemaMeta). */
export function buildTrie(
  since: Readonly<Record<string, string>>,
  ints: Readonly<Record<string, string>>,
  known: Readonly<Record<string, readonly string[]>>,
): MetaNode {
  const root: Building = {};
  for (const [p, v] of Object.entries(since)) insert(root, p).since = v;
  for (const [p, v] of Object.entries(ints)) insert(root, p).int = v;
  for (const [p, v] of Object.entries(known)) {
    insert(root, p).known = v;
    // every known property gets a node, so a walk tells known from unknown by the trie alone
    for (const k of v) insert(root, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
  return root;
}

/** The child for a token: an exact token wins over the wildcard. */
export function child(n: MetaNode, token: string): MetaNode | undefined {
  const c = n.children;
  return c !== undefined && Object.hasOwn(c, token) ? c[token] : n.wildcard;
}

/** The node for a concrete pointer. */
export function lookup(root: MetaNode, pointer: string): MetaNode | undefined {
  let cur: MetaNode | undefined = root;
  if (pointer === '') return cur;
  for (const t of pointer.slice(1).split('/')) {
    if (!cur) return undefined;
    cur = child(cur, t.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return cur;
}

/** One property met by walkProperties. */
export interface PropertyVisit {
  readonly key: string;
  readonly pointer: string;
  readonly value: JsonValue;
  /** The schema node for this property (exact or wildcard), if the schema knows the place. */
  readonly node: MetaNode | undefined;
  /** The schema node of the object holding it. */
  readonly parent: MetaNode;
  readonly holder: { readonly [k: string]: JsonValue };
}

/**
 * Walks every object property of a document alongside the schema trie (array
 * items follow the wildcard). `visit` returns whether to go into the value;
 * places the schema doesn't know are visited but never entered.
 */
export function walkProperties(doc: JsonValue, root: MetaNode, visit: (p: PropertyVisit) => boolean): void {
  const walk = (v: JsonValue, n: MetaNode, pointer: string): void => {
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      const item = n.wildcard;
      if (item) v.forEach((x, i) => walk(x, item, `${pointer}/${i}`));
      return;
    }
    for (const key of Object.keys(v)) {
      const value = v[key]!;
      const node = child(n, key);
      const p = `${pointer}/${escapePointerToken(key)}`;
      if (visit({ key, pointer: p, value, node, parent: n, holder: v }) && node) walk(value, node, p);
    }
  };
  walk(doc, root, '');
}

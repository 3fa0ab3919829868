/**
 * SchemaMeta's pointer patterns as a trie, so a document is matched against
 * them in one walk instead of pattern by pattern.
 */
import type { SchemaMeta } from './meta.js';
import type { JsonValue } from '../json/parse.js';
import { escapePointerToken } from '../json/parse.js';

export interface MetaNode {
  readonly children: Map<string, MetaNode>;
  wildcard: MetaNode | undefined;
  since: string | undefined;
  int: string | undefined;
  known: ReadonlySet<string> | undefined;
}

const cache = new WeakMap<SchemaMeta, MetaNode>();

function node(): MetaNode {
  return { children: new Map(), wildcard: undefined, since: undefined, int: undefined, known: undefined };
}

function insert(root: MetaNode, pattern: string): MetaNode {
  let cur = root;
  if (pattern === '') return cur;
  for (const t of pattern.slice(1).split('/')) {
    if (t === '*') cur = cur.wildcard ??= node();
    else {
      const tok = t.replace(/~1/g, '/').replace(/~0/g, '~');
      let next = cur.children.get(tok);
      if (!next) cur.children.set(tok, (next = node()));
      cur = next;
    }
  }
  return cur;
}

export function metaTrie(meta: SchemaMeta): MetaNode {
  let root = cache.get(meta);
  if (root) return root;
  root = node();
  for (const [p, v] of Object.entries(meta.since)) insert(root, p).since = v;
  for (const [p, v] of Object.entries(meta.ints)) insert(root, p).int = v;
  for (const [p, v] of Object.entries(meta.known)) {
    insert(root, p).known = new Set(v);
    // every known property gets a node, so a walk tells known from unknown by the trie alone
    for (const k of v) insert(root, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
  cache.set(meta, root);
  return root;
}

/** The node for a concrete pointer: an exact token wins over a wildcard. */
export function lookup(root: MetaNode, pointer: string): MetaNode | undefined {
  let cur: MetaNode | undefined = root;
  if (pointer === '') return cur;
  for (const t of pointer.slice(1).split('/')) {
    if (!cur) return undefined;
    const tok = t.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = cur.children.get(tok) ?? cur.wildcard;
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
      const node = n.children.get(key) ?? n.wildcard;
      const p = `${pointer}/${escapePointerToken(key)}`;
      if (visit({ key, pointer: p, value, node, parent: n, holder: v }) && node) walk(value, node, p);
    }
  };
  walk(doc, root, '');
}

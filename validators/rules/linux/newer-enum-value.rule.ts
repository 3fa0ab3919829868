/**
 * The schema takes every value any spec version lists (namespace types,
 * seccomp actions, architectures, flags). A value first listed after the
 * version the document is checked as may be unknown to a runtime of that
 * version: a SHOULD-level warning on the ociVersion entry, like
 * json.newer-field for properties (docs/schema-vs-prose.md). A value that
 * landed under a dev window (spec/dev-windows.ts) is known at that version.
 */
import { defineRule } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { asString, prop } from '../../json/values.js';
import type { InheritedFinding } from '../rule.js';
import { landedAt, reached } from '../../../spec/versions.js';
import type { Versioned } from './constants.js';
import { NAMESPACE_TYPES, SECCOMP_ACTIONS, SECCOMP_ARCHES, SECCOMP_FLAGS } from './constants.js';
import { entries } from './util.js';

const index = (list: readonly Versioned[]): ReadonlyMap<string, Versioned> => new Map(list.map((e) => [e.value, e]));
const NS = index(NAMESPACE_TYPES);
const ACTIONS = index(SECCOMP_ACTIONS);
const ARCHES = index(SECCOMP_ARCHES);
const FLAGS = index(SECCOMP_FLAGS);

export default defineRule({
  id: 'linux.newer-enum-value',
  requirements: ['CFG-OCIVERSION-SPEC-VERSION'],
  appliesTo: ['config'],
  *check(doc, ctx) {
    const out: InheritedFinding[] = [];
    const test = (v: JsonValue | undefined, known: ReadonlyMap<string, Versioned>, pointer: string, what: string): void => {
      const s = asString(v);
      const e = s === undefined ? undefined : known.get(s);
      if (e === undefined || reached(ctx.version, e.since, e.dev)) return;
      const landed = landedAt(e.since, e.dev);
      out.push({
        level: 'SHOULD',
        pointer,
        message: `${what} '${s}' was added in spec ${e.since}${landed === e.since ? '' : ` (on the spec's main branch since ${landed})`}, after the version this document is validated as (${ctx.version}); a runtime of that version may not know it`,
        params: { value: s, since: e.since, landed, version: ctx.version },
      });
    };
    for (const [i, ns] of entries(doc, 'linux', 'namespaces')) test(prop(ns, 'type'), NS, `/linux/namespaces/${i}/type`, 'namespace type');
    test(prop(prop(prop(doc, 'linux'), 'seccomp'), 'defaultAction'), ACTIONS, '/linux/seccomp/defaultAction', 'seccomp action');
    for (const [i, a] of entries(doc, 'linux', 'seccomp', 'architectures')) test(a, ARCHES, `/linux/seccomp/architectures/${i}`, 'seccomp architecture');
    for (const [i, f] of entries(doc, 'linux', 'seccomp', 'flags')) test(f, FLAGS, `/linux/seccomp/flags/${i}`, 'seccomp flag');
    for (const [i, sc] of entries(doc, 'linux', 'seccomp', 'syscalls')) test(prop(sc, 'action'), ACTIONS, `/linux/seccomp/syscalls/${i}/action`, 'seccomp action');
    yield* out;
  },
});

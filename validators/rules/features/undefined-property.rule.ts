/**
 * Unlike config.json, a features document may not carry properties its spec
 * version does not define (features.md). Objects the spec defines are checked
 * key by key; maps (annotations) hold any key.
 */
import { defineRule } from '../rule.js';
import type { InheritedFinding } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { escapePointerToken } from '../../json/parse.js';
import type { SchemaMeta } from '../../schemas/meta.js';
import { matchPattern } from '../../schemas/meta.js';
import { LATEST_RUNTIME_SPEC, compareVersions, parseSemVer } from '../../../spec/versions.js';

function knownAt(meta: SchemaMeta, pointer: string): readonly string[] | undefined {
  for (const [pattern, names] of Object.entries(meta.known)) if (matchPattern(pattern, pointer)) return names;
  return undefined;
}

function sinceOf(meta: SchemaMeta, pointer: string): string | undefined {
  for (const [pattern, v] of Object.entries(meta.since)) if (matchPattern(pattern, pointer)) return v;
  return undefined;
}

export default defineRule({
  id: 'features.undefined-property',
  requirements: ['FEAT-NO-UNDEFINED-PROPERTIES'],
  appliesTo: ['features'],
  *check(doc, ctx) {
    const declared = ctx.declaredVersion;
    const future = declared !== undefined && parseSemVer(declared) !== undefined && compareVersions(declared, LATEST_RUNTIME_SPEC) > 0;
    const out: InheritedFinding[] = [];
    const walk = (v: JsonValue, pointer: string): void => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
      const known = knownAt(ctx.meta, pointer);
      if (!known) return; // a map, or a place the spec does not describe
      for (const [k, child] of Object.entries(v)) {
        const p = `${pointer}/${escapePointerToken(k)}`;
        if (known.includes(k)) {
          walk(child, p);
          continue;
        }
        const later = knownAt(ctx.latestMeta, pointer)?.includes(k) ? sinceOf(ctx.latestMeta, p) : undefined;
        out.push({
          ...(future ? { level: 'INFO' as const } : {}),
          pointer: p,
          at: 'key',
          message:
            later !== undefined
              ? `'${k}' is defined only since runtime-spec ${later}, but this features document reports ${ctx.version}; a features document carries only properties of its own version`
              : future
                ? `'${k}' is not defined here by runtime-spec ${ctx.version}, the newest we know; it may be defined in ${declared}, which this document reports`
                : `'${k}' is not a property runtime-spec ${ctx.version} defines here; a features document carries only defined properties`,
          params: { property: k, version: ctx.version, ...(later !== undefined ? { since: later } : {}) },
        });
      }
    };
    walk(doc, '');
    yield* out;
  },
});

/**
 * A property that the spec added after the version the document declares:
 * a runtime of that version may not know it and would ignore it silently.
 */
import { defineRule } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import type { JsonValue } from '../../json/parse.js';
import type { MetaNode } from '../../schemas/trie.js';
import { metaTrie } from '../../schemas/trie.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { RuleFinding } from '../rule.js';

export default defineRule({
  id: 'json.newer-field',
  requirements: [],
  // Not 'features': there a property its version doesn't define is an error of its own
  // (features.undefined-property), and one finding per place is enough.
  appliesTo: ['config', 'state', 'manifest', 'index', 'image-config', 'descriptor', 'oci-layout'],
  *check(doc, ctx) {
    const version = ctx.version;
    const out: RuleFinding[] = [];
    const walk = (v: JsonValue, n: MetaNode, pointer: string): void => {
      if (typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) {
        if (n.wildcard) v.forEach((item, i) => walk(item, n.wildcard!, `${pointer}/${i}`));
        return;
      }
      for (const k of Object.keys(v)) {
        const child = n.children.get(k) ?? n.wildcard;
        if (!child) continue;
        const p = `${pointer}/${escapePointerToken(k)}`;
        if (child.since && compareVersions(child.since, version) > 0) {
          out.push({
            level: 'SHOULD',
            pointer: p,
            at: 'key',
            message: `'${k}' was added in spec ${child.since}, after the version this document is validated as (${version}); a tool that implements only that version may ignore it`,
            params: { property: k, since: child.since, version },
          });
          continue; // one finding for the subtree
        }
        walk(v[k]!, child, p);
      }
    };
    walk(doc, metaTrie(ctx.latestMeta), '');
    yield* out;
  },
});

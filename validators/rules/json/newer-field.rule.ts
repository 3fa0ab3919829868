/**
 * A property that the spec added after the version the document declares:
 * a tool that implements only that version may ignore it silently.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import { walkProperties } from '../../schemas/trie.js';

export default defineRule({
  id: 'json.newer-field',
  requirements: [],
  // Not 'features': there a property its version doesn't define is an error of its own
  // (features.undefined-property), and one finding per place is enough.
  appliesTo: ['config', 'state', 'manifest', 'index', 'image-config', 'descriptor', 'oci-layout'],
  *check(doc, ctx) {
    const version = ctx.version;
    const out: RuleFinding[] = [];
    walkProperties(doc, ctx.latestMeta.trie, ({ key, pointer, node }) => {
      if (!node?.since || compareVersions(node.since, version) <= 0) return true;
      out.push({
        level: 'SHOULD',
        pointer,
        at: 'key',
        message: `'${key}' was added in spec ${node.since}, after the version this document is validated as (${version}); a tool that implements only that version may ignore it`,
        params: { property: key, since: node.since, version },
      });
      return false; // one finding for the subtree
    });
    yield* out;
  },
});

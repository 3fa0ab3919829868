/**
 * A property that the spec added after the version the document is validated
 * as: a tool that implements only that version ignores it (unknown properties
 * are ignored), so what the document asks for may silently not happen.
 *
 * A runtime document's ociVersion is the version it complies with; one that
 * relies on a later property declares too old a version. The text puts no
 * keyword on that, so it is a warning (SHOULD) citing the ociVersion entry
 * (docs/schema-vs-prose.md, "Properties newer than ociVersion"). Image
 * documents declare no version (the user's --spec-version or the latest is
 * used): there it is a SHOULD-level warning with no requirement of its own.
 * Versions follow spec/versions.ts: at `1.0.2-dev` what landed under it is known.
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { compareVersions, releaseOf } from '../../../spec/versions.js';
import { walkProperties } from '../../schemas/trie.js';

/** The requirement a newer property weighs on, by document kind. */
const VERSION_REQUIREMENT: Readonly<Record<string, 'CFG-OCIVERSION-SPEC-VERSION' | 'RT-STATE-OCIVERSION-REQUIRED'>> = {
  config: 'CFG-OCIVERSION-SPEC-VERSION',
  state: 'RT-STATE-OCIVERSION-REQUIRED',
};

export default defineRule({
  id: 'json.newer-field',
  requirements: ['CFG-OCIVERSION-SPEC-VERSION', 'RT-STATE-OCIVERSION-REQUIRED'],
  // Not 'features': there a property its version doesn't define is an error of its own
  // (features.undefined-property), and one finding per place is enough.
  appliesTo: ['config', 'state', 'manifest', 'index', 'image-config', 'descriptor', 'oci-layout'],
  *check(doc, ctx) {
    const version = ctx.version;
    const requirement = VERSION_REQUIREMENT[ctx.kind];
    const out: RuleFinding<'CFG-OCIVERSION-SPEC-VERSION' | 'RT-STATE-OCIVERSION-REQUIRED'>[] = [];
    walkProperties(doc, ctx.latestMeta.trie, ({ key, pointer, node }) => {
      if (!node?.since || compareVersions(node.since, version) <= 0) return true;
      const release = releaseOf(node.since);
      const landed = release === node.since ? '' : ` (on the spec's main branch since ${node.since})`;
      out.push({
        level: 'SHOULD',
        requirement: requirement ?? null,
        pointer,
        at: 'key',
        message: `'${key}' was added in spec ${release}${landed}, after the version this document is validated as (${version}); a tool that implements only that version ignores it`,
        params: { property: key, since: release, landed: node.since, version },
      });
      return false; // one finding for the subtree
    });
    yield* out;
  },
});

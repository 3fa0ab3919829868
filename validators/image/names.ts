/**
 * What lies under blobs/: names that break the digest grammar, things that
 * are not blobs, and blobs nothing references (allowed; still verified).
 */
import { isDigestError, parseDigest, registeredAlgorithm } from './digest.js';
import type { Findings } from './findings.js';
import type { ContentStore } from './store/store.js';
import type { BlobRecord } from './walk.js';

const ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
const ENCODED = /^[a-zA-Z0-9=_-]+$/;

export function checkBlobNames(
  store: ContentStore,
  F: Findings,
  referenced: ReadonlyMap<string, BlobRecord>,
  refused: ReadonlySet<string>,
  unreferenced: BlobRecord[],
): void {
  for (const { path, stat } of store.listBlobs()) {
    const parts = path.split('/');
    const label = store.label(path);
    if (parts.length === 2) {
      if (stat.kind !== 'dir') F.add(label, { rule: 'layout.blob.unexpected', level: 'INFO', message: `${path} is not an algorithm directory; ignored` });
      else if (!ALGORITHM.test(parts[1]!))
        F.add(label, {
          rule: 'layout.blob.bad-name',
          requirement: 'IMG-LAYOUT-BLOB-NAME-CHARSET',
          message: `directory name '${parts[1]}' is not a digest algorithm name (lower-case alphanumeric parts joined by + . _ -)`,
          params: { name: parts[1] },
        });
      continue;
    }
    if (parts.length !== 3 || stat.kind === 'dir') {
      if (parts.length === 3 || stat.kind !== 'dir')
        F.add(label, { rule: 'layout.blob.unexpected', level: 'INFO', message: `${path} is not at blobs/<algorithm>/<encoded> or not a file; ignored` });
      continue;
    }
    const [, alg, enc] = parts as [string, string, string];
    if (!ALGORITHM.test(alg)) continue; // reported on its directory
    if (!ENCODED.test(enc)) {
      F.add(label, {
        rule: 'layout.blob.bad-name',
        requirement: 'IMG-LAYOUT-BLOB-NAME-CHARSET',
        message: `file name '${enc}' is not an encoded digest (characters a-z A-Z 0-9 = _ -)`,
        params: { name: enc },
      });
      continue;
    }
    // referenced: verified as such; refused where referenced (a link, a FIFO): reported there, and that is all
    if (referenced.has(path) || refused.has(path)) continue;
    if (stat.kind !== 'file') {
      F.add(label, {
        rule: 'layout.blob.unreferenced',
        level: 'INFO',
        message: `not referenced from index.json, and ${stat.kind === 'missing' ? 'gone' : stat.what}: not read`,
      });
      continue;
    }
    F.add(label, { rule: 'layout.blob.unreferenced', level: 'INFO', message: 'not referenced from index.json (allowed); its content is still verified', params: { size: stat.size } });
    const digest = parseDigest(`${alg}:${enc}`);
    if (isDigestError(digest)) {
      F.add(label, {
        rule: 'layout.blob.bad-name',
        requirement: 'IMG-LAYOUT-BLOB-DIGEST-MATCH',
        message: `name cannot be the digest of any content: ${digest.error}`,
        params: { name: enc },
      });
      continue;
    }
    unreferenced.push({ path, digest, refs: [], nodeHash: registeredAlgorithm(alg)?.nodeHash, size: stat.size, computed: undefined, stream: true, layer: false });
  }
}

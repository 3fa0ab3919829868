/**
 * A bundle keeps config.json and the root filesystem in one directory: a
 * relative root.path that climbs out of the bundle ('../rootfs') breaks that.
 * An absolute path is left alone (it may well point into the bundle).
 */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { posix } from 'node:path';

export default defineRule({
  id: 'bundle.root-in-bundle',
  requirements: ['BNDL-ARTIFACTS-ONE-DIRECTORY'],
  appliesTo: ['config'],
  *check(doc) {
    const p = asString(at(doc, 'root', 'path'));
    if (p === undefined || p === '' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')) return;
    const norm = posix.normalize(p);
    if (norm !== '..' && !norm.startsWith('../')) return;
    yield {
      pointer: '/root/path',
      message: `root.path ${JSON.stringify(p)} leads out of the bundle directory; config.json and the root filesystem belong in the same directory`,
      params: { value: p, normalized: norm },
    };
  },
});

/**
 * history and rootfs.diff_ids describe the same layers: every history entry
 * that is not marked empty_layer stands for one DiffID, in order. When history
 * is given, the counts should agree (config.md defines empty_layer this way).
 * No RFC 2119 sentence says so, and the spec's own example broke it until
 * 1.1.0, so a mismatch is a SHOULD-level finding.
 */
import { defineRule } from '../rule.js';
import { at, isObject, prop } from '../../json/values.js';

export default defineRule({
  id: 'config.history-layers',
  requirements: ['IMG-CONFIG-PROPERTY-FORM'],
  appliesTo: ['image-config'],
  *check(doc) {
    const history = prop(doc, 'history');
    const diffIds = at(doc, 'rootfs', 'diff_ids');
    if (!Array.isArray(history) || !Array.isArray(diffIds)) return;
    const layers = history.filter((h) => !(isObject(h) && h.empty_layer === true)).length;
    if (layers === diffIds.length) return;
    yield {
      level: 'SHOULD',
      pointer: '/history',
      message: `history has ${layers} ${layers === 1 ? 'entry that creates' : 'entries that create'} a layer (not empty_layer) but rootfs.diff_ids lists ${diffIds.length} layer${diffIds.length === 1 ? '' : 's'}`,
      params: { historyLayers: layers, diffIds: diffIds.length },
    };
  },
});

/**
 * memoryPolicy.nodes is a node list such as "0-3,7"; MPOL_DEFAULT and
 * MPOL_LOCAL take no nodes, and the binding and interleaving modes need at
 * least one (set_mempolicy(2) fails otherwise).
 */
import { defineRule } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { listProblem } from './util.js';

const NO_NODES: ReadonlySet<string> = new Set(['MPOL_DEFAULT', 'MPOL_LOCAL']);
const NEED_NODES: ReadonlySet<string> = new Set(['MPOL_BIND', 'MPOL_INTERLEAVE', 'MPOL_WEIGHTED_INTERLEAVE', 'MPOL_PREFERRED_MANY']);

export default defineRule({
  id: 'linux.memory-policy.nodes',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const mode = asString(at(doc, 'linux', 'memoryPolicy', 'mode'));
    const nodes = asString(at(doc, 'linux', 'memoryPolicy', 'nodes'));
    const why = nodes === undefined ? undefined : listProblem(nodes);
    if (why !== undefined) {
      yield { pointer: '/linux/memoryPolicy/nodes', message: `memoryPolicy.nodes '${nodes}' is not a node list such as "0-3,7": ${why}`, params: { nodes, reason: why } };
      return;
    }
    if (mode === undefined) return;
    const hasNodes = nodes !== undefined && nodes !== '';
    if (NO_NODES.has(mode) && hasNodes)
      yield { pointer: '/linux/memoryPolicy/nodes', message: `${mode} takes no nodes, but nodes is '${nodes}'`, params: { mode, nodes } };
    if (NEED_NODES.has(mode) && !hasNodes)
      yield { pointer: '/linux/memoryPolicy', message: `${mode} needs at least one node in nodes`, params: { mode } };
  },
});

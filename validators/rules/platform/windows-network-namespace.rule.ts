/**
 * windows.network.networkNamespace, when given, comes alone: the spec says no
 * other network parameter is set with it. A lower-case "must": cited as an
 * invalid value (CFG-VALID-VALUES-ERROR), lowered to SHOULD.
 */
import { defineRule } from '../rule.js';
import { asString, at, isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/parse.js';

export default defineRule({
  id: 'platform.windows.network-namespace-alone',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const net = at(doc, 'windows', 'network');
    if (!isObject(net) || asString(net.networkNamespace) === undefined) return;
    // one finding at each other parameter, so that what is reported does not depend on the order of the keys
    const others = Object.keys(net)
      .filter((k) => k !== 'networkNamespace' && net[k] !== null)
      .sort();
    for (const other of others)
      yield {
        level: 'SHOULD',
        pointer: `/windows/network/${escapePointerToken(other)}`,
        at: 'key',
        message: `windows.network sets networkNamespace together with ${other}; with a network namespace no other network parameter is set`,
        params: { others },
      };
  },
});

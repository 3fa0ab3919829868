/**
 * A sysctl key names a file under /proc/sys, dotted ("net.ipv4.ip_forward")
 * or slashed. Empty parts, '.' or '..' parts and blanks name no parameter and
 * would let a key point outside /proc/sys.
 */
import { defineRule } from '../rule.js';
import { escapePointerToken } from '../../json/pointer.js';
import { members } from './util.js';

function problem(key: string): string | undefined {
  if (key === '') return 'it is empty';
  if (/[\s\0]/.test(key)) return 'it contains white space or a NUL byte';
  if (key.startsWith('/') || key.startsWith('.')) return 'it starts with a separator';
  if (key.split('/').some((p) => p === '..' || p === '.')) return "it has a '.' or '..' part";
  if (key.split(/[./]/).some((p) => p === '')) return 'it has an empty part';
  return undefined;
}

export default defineRule({
  id: 'linux.sysctl.name',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    for (const [key] of members(doc, 'linux', 'sysctl')) {
      const why = problem(key);
      if (why === undefined) continue;
      yield {
        pointer: `/linux/sysctl/${escapePointerToken(key)}`,
        at: 'key',
        message: `sysctl '${key}' is not a kernel parameter name such as "net.ipv4.ip_forward": ${why}`,
        params: { key, reason: why },
      };
    }
  },
});

/**
 * The kernel takes an id map only when every range is non-empty, stays within
 * the 32-bit id space, and no two ranges overlap on either side
 * (user_namespaces(7)); otherwise writing the map fails and so does the
 * container. The spec gives no keyword of its own: a value runtimes must
 * refuse (CFG-VALID-VALUES-ERROR).
 */
import { defineRule } from '../rule.js';
import { asNumber, prop } from '../../json/values.js';
import type { InheritedFinding } from '../rule.js';
import { entries } from './util.js';

const ID_SPACE = 2 ** 32;

interface Range {
  readonly index: number;
  readonly container: number;
  readonly host: number;
  readonly size: number;
}

function isUint32(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 0 && n < ID_SPACE;
}

function overlaps(a: number, b: number, size: number, bSize: number): boolean {
  return a < b + bSize && b < a + size;
}

export default defineRule({
  id: 'linux.id-mappings.ranges',
  requirements: ['CFG-VALID-VALUES-ERROR'],
  appliesTo: ['config'],
  *check(doc) {
    const out: InheritedFinding[] = [];
    for (const key of ['uidMappings', 'gidMappings']) {
      const ranges: Range[] = [];
      for (const [i, m] of entries(doc, 'linux', key)) {
        const container = asNumber(prop(m, 'containerID'));
        const host = asNumber(prop(m, 'hostID'));
        const size = asNumber(prop(m, 'size'));
        if (!isUint32(container) || !isUint32(host) || !isUint32(size)) continue; // the schema reports those
        const at = `/linux/${key}/${i}`;
        if (size === 0) {
          out.push({ pointer: `${at}/size`, message: `${key} entry maps no ids (size 0); the kernel refuses empty ranges`, params: { size } });
          continue;
        }
        const end = Math.max(container, host) + size;
        if (end > ID_SPACE) {
          out.push({
            pointer: `${at}/size`,
            message: `${key} entry runs past the last id 4294967295 (${container}/${host} + ${size})`,
            params: { containerID: container, hostID: host, size },
          });
          continue;
        }
        const clash = ranges.find((r) => overlaps(container, r.container, size, r.size) || overlaps(host, r.host, size, r.size));
        if (clash) {
          const side = overlaps(container, clash.container, size, clash.size) ? 'container' : 'host';
          out.push({
            pointer: at,
            message: `${key} entry overlaps /linux/${key}/${clash.index} on the ${side} side; the kernel refuses overlapping ranges`,
            params: { other: clash.index, side },
          });
        }
        ranges.push({ index: i, container, host, size });
      }
    }
    yield* out;
  },
});

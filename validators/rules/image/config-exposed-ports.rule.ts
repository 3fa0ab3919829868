/** config.ExposedPorts keys are port, port/tcp or port/udp, with a port from 1 to 65535 (config.md). */
import { defineRule } from '../rule.js';
import { at, isObject } from '../../json/values.js';
import { escapePointerToken } from '../../json/pointer.js';

export default defineRule({
  id: 'config.exposed-ports',
  requirements: ['IMG-CONFIG-PROPERTY-FORM'],
  appliesTo: ['image-config'],
  *check(doc) {
    const ports = at(doc, 'config', 'ExposedPorts');
    if (!isObject(ports)) return;
    for (const key of Object.keys(ports)) {
      const m = /^(\d{1,5})(?:\/([a-z]+))?$/.exec(key);
      const port = m ? Number(m[1]) : NaN;
      const proto = m?.[2];
      if (m && port >= 1 && port <= 65535 && (proto === undefined || proto === 'tcp' || proto === 'udp')) continue;
      yield {
        level: 'SHOULD',
        pointer: `/config/ExposedPorts/${escapePointerToken(key)}`,
        at: 'key',
        message: m && proto !== undefined && proto !== 'tcp' && proto !== 'udp'
          ? `port protocol ${JSON.stringify(proto)} is not one the spec names (tcp or udp)`
          : `${JSON.stringify(key)} is not port, port/tcp or port/udp with a port from 1 to 65535`,
        params: { key },
      };
    }
  },
});

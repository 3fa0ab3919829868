/**
 * From 1.2.0 the org.opencontainers.image.* annotations carry values of image
 * config properties. Checked where the image spec gives a form: os and
 * architecture are non-empty, created is an RFC 3339 date-time, stopSignal a
 * signal name (SIGTERM, SIGRTMIN+3) or number.
 */
import { defineRule } from '../rule.js';
import type { RequirementId } from '../../../spec/types.js';
import { isObject, prop } from '../../json/values.js';
import { inForce } from './platform.js';

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const SIGNAL = /^(SIG[A-Z0-9]+([+-]\d+)?|[1-9]\d*)$/;

const CHECKS: ReadonlyArray<readonly [string, RequirementId, (v: string) => boolean, string]> = [
  ['org.opencontainers.image.os', 'CFG-ANNOTATION-IMAGE-OS-VALUE', (v) => v !== '', 'an operating system name such as linux'],
  ['org.opencontainers.image.architecture', 'CFG-ANNOTATION-IMAGE-ARCHITECTURE-VALUE', (v) => v !== '', 'an architecture name such as amd64'],
  ['org.opencontainers.image.created', 'CFG-ANNOTATION-IMAGE-CREATED-VALUE', (v) => RFC3339.test(v), 'an RFC 3339 date-time such as 2024-01-31T12:00:00Z'],
  ['org.opencontainers.image.stopSignal', 'CFG-ANNOTATION-IMAGE-STOPSIGNAL-VALUE', (v) => SIGNAL.test(v), 'a signal name such as SIGTERM or a signal number'],
];

export default defineRule({
  id: 'config.annotations.oci-image-values',
  requirements: CHECKS.map(([, id]) => id),
  appliesTo: ['config'],
  *check(doc, ctx) {
    const a = prop(doc, 'annotations');
    if (!isObject(a) || !inForce(ctx, '1.2.0')) return;
    for (const [key, requirement, ok, expected] of CHECKS) {
      const v = a[key];
      if (typeof v !== 'string' || ok(v)) continue;
      yield { pointer: `/annotations/${key}`, requirement, message: `${key} is ${JSON.stringify(v)}; expected ${expected}`, params: { key, value: v } };
    }
  },
});

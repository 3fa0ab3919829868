/**
 * The state document, from runtime-spec runtime.md#state (every version
 * 1.0.0..1.3.0 has the same fields). What the published schema gets wrong or
 * leaves out is written down in docs/schema-vs-prose.md:
 *  - status is an open string (runtimes may add states), not a closed enum;
 *    the four standard values and misspellings of them are checked by a rule;
 *  - pid being required for created/running on Linux, bundle being absolute
 *    and id being non-empty are rules (validators/rules/state/).
 */
import type { Schema } from '../dsl.js';
import { int, mapOf, obj, req, str } from '../dsl.js';

export function stateSchema(_version: string): Schema {
  return obj(
    {
      ociVersion: req('RT-STATE-OCIVERSION-REQUIRED', str()),
      id: req('RT-STATE-ID-REQUIRED', str()),
      status: req('RT-STATE-STATUS-REQUIRED', str()),
      // pid_t is a signed 32-bit integer; a stopped container may report 0.
      pid: req('RT-STATE-PID-REQUIRED-LINUX', int('int32', { minimum: 0 })),
      bundle: req('RT-STATE-BUNDLE-REQUIRED', str()),
      annotations: req('RT-STATE-JSON-SCHEMA', mapOf(str())),
    },
    { required: ['ociVersion', 'id', 'status', 'bundle'], requirement: 'RT-STATE-JSON-SCHEMA' },
  );
}

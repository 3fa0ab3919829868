/** The state document, from runtime-spec runtime.md#state. */
import type { Schema } from '../dsl.js';
import { obj, req, str } from '../dsl.js';

export function stateSchema(_version: string): Schema {
  return obj({ ociVersion: req('RT-STATE-OCIVERSION', str()) }, { required: ['ociVersion'] });
}

/** The `zos` object of config.json, from runtime-spec config-zos.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function zosSchema(_version: string): Schema | undefined {
  return obj({});
}

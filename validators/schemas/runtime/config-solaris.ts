/** The `solaris` object of config.json, from runtime-spec config-solaris.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function solarisSchema(_version: string): Schema | undefined {
  return obj({});
}

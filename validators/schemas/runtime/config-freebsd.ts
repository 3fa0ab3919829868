/** The `freebsd` object of config.json, from runtime-spec config-freebsd.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function freebsdSchema(_version: string): Schema | undefined {
  return obj({});
}

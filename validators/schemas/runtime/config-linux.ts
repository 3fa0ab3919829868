/** The `linux` object of config.json, from runtime-spec config-linux.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function linuxSchema(_version: string): Schema {
  return obj({});
}

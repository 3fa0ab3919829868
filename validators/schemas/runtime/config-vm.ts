/** The `vm` object of config.json, from runtime-spec config-vm.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function vmSchema(_version: string): Schema | undefined {
  return obj({});
}

/** The `windows` object of config.json, from runtime-spec config-windows.md. */
import type { Schema } from '../dsl.js';
import { obj } from '../dsl.js';

export function windowsSchema(_version: string): Schema | undefined {
  return obj({});
}

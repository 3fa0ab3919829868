import type { Requirement } from '../types.js';
import { BUNDLE } from './bundle.js';
import { RUNTIME } from './runtime.js';
import { RUNTIME_LINUX } from './runtime-linux.js';
import { CONFIG } from './config.js';
import { CONFIG_LINUX } from './config-linux.js';
import { FEATURES } from './features.js';
import { FEATURES_LINUX } from './features-linux.js';
import { CONFIG_WINDOWS } from './config-windows.js';
import { CONFIG_SOLARIS } from './config-solaris.js';
import { CONFIG_VM } from './config-vm.js';
import { CONFIG_ZOS } from './config-zos.js';
import { CONFIG_FREEBSD } from './config-freebsd.js';
import { DEV_1_0_2, REQUIREMENTS_LANDED_1_0_2_DEV } from '../dev-windows.js';

const LANDED_1_0_2_DEV = new Set<string>(REQUIREMENTS_LANDED_1_0_2_DEV);

/** The dev marker of spec/dev-windows.ts on the entries it lists. */
function markDev(list: readonly Requirement[]): Requirement[] {
  return list.map((r) => (LANDED_1_0_2_DEV.has(r.id) ? { ...r, dev: DEV_1_0_2 } : r));
}

/** All runtime-spec requirements, one module per spec document. */
export const RUNTIME_REQUIREMENTS: readonly Requirement[] = markDev([
  ...BUNDLE,
  ...RUNTIME,
  ...RUNTIME_LINUX,
  ...CONFIG,
  ...CONFIG_LINUX,
  ...FEATURES,
  ...FEATURES_LINUX,
  ...CONFIG_WINDOWS,
  ...CONFIG_SOLARIS,
  ...CONFIG_VM,
  ...CONFIG_ZOS,
  ...CONFIG_FREEBSD,
]);

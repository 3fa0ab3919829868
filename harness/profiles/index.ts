import { basename } from 'node:path';
import type { RuntimeProfile } from './profile.js';
import runc from './runc.js';
import runcRootless from './runc-rootless.js';
import crun from './crun.js';
import youki from './youki.js';
import runsc from './runsc.js';
import ociTs from './oci-ts-runtime.js';
import generic from './generic.js';

export type { RuntimeProfile } from './profile.js';

export const PROFILES: readonly RuntimeProfile[] = [runc, runcRootless, crun, youki, runsc, ociTs, generic];

export function profileByName(name: string): RuntimeProfile | undefined {
  return PROFILES.find((p) => p.name === name);
}

/** The profile for a binary path, by its basename; the generic one otherwise. */
export function profileFor(binary: string): RuntimeProfile {
  const b = basename(binary);
  return PROFILES.find((p) => p.binaries.includes(b)) ?? generic;
}

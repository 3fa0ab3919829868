/**
 * What the tests that boot the VM runner share: the checkout, how the guest gets to see it, and why a host can't
 * boot one (undefined when it can).
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { probe } from '../../ci/vm/probe.js';
import { hiddenInGuest } from '../../ci/vm/vm.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A checkout the guest mounts over (a clone under /tmp, as CI may make) is shared with it, so runs can see it. */
export const SEE_ROOT: readonly string[] = hiddenInGuest(realpathSync(ROOT)) ? ['--share', realpathSync(ROOT)] : [];

/** The probe's one-line reason when qemu, the kernel or busybox-static is missing, or when we are not root. */
export function vmMissing(): string | undefined {
  try {
    probe();
  } catch (e) {
    return (e as Error).message;
  }
  if (process.getuid?.() !== 0) return 'the runner shares / with the guest as root: run as root';
  return undefined;
}

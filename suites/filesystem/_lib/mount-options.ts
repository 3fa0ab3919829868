/**
 * The mount-option cases, as factories: each puts one mount at
 * /mnt/h8-<option> and reads it back in the container's mountinfo from the
 * host. Four shapes:
 * - `mountOptionSetCase`: an option of the 1.0 list (nodev, noexec, nosuid,
 *   ro) is a per-mount flag; charged to its 1.1.0 row where that is in force,
 *   else to CFG-MOUNT-OPTIONS-APPLIED;
 * - `mountOptionFlagsCase`: an option of the 1.1.0 table (atime, sync, ...)
 *   leaves flags that must and must not show, per mount or in the superblock;
 * - `recursiveMountOptionCase`: an r* option on an rbind of the host's /dev
 *   sets its flag on the mount and every mount below it;
 * - `mountPropagationCase`: a propagation option (shared, unbindable) is the
 *   mount's propagation type.
 */
import { type CaseDefinition, defineCase, HOLD, readMountinfo, startHeld, type RequirementId } from '../../case.js';
import { chargeable } from '../../_lib/requirements.js';
import { containerMount, hostMountsBelow, kernelHasMountSetattr } from './mounts.js';

const point = (option: string): string => `/mnt/h8-${option}`;

/** `option` on a tmpfs shows in the mount's per-mount options; `also` is the option's own 1.1.0 row. */
export function mountOptionSetCase(option: string, also: RequirementId): CaseDefinition {
  const at = point(option);
  return defineCase({
    id: `filesystem.mounts.option.${option}`,
    title: `the ${option} mount option is set on the mount`,
    requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
    also: [also],
    config: (c) => c.withMount({ destination: at, type: 'tmpfs', source: 'tmpfs', options: [option, 'size=1m'] }).withScript(HOLD),
    run: async (ctx) => {
      const req = chargeable(ctx, also, 'CFG-MOUNT-OPTIONS-APPLIED');
      const m = await containerMount(await startHeld(ctx), at);
      ctx.expect(req, !!m?.options.includes(option), { message: `per-mount options of ${at} lack ${option}`, expected: option, actual: m?.options });
    },
  });
}

/** Where a flag of the 1.1.0 table shows in mountinfo: the per-mount options or the superblock's. */
const FLAGS_OF = {
  'per-mount': (m: { readonly options: readonly string[] }) => m.options,
  superblock: (m: { readonly superOptions: readonly string[] }) => m.superOptions,
} as const;

export interface FlagsRow {
  readonly option: string;
  /** The option's catalogue entry (1.1.0 table). */
  readonly requirement: RequirementId;
  readonly where: keyof typeof FLAGS_OF;
  /** Flags that must show, and flags that must not (the option replaces them). */
  readonly must: readonly string[];
  readonly mustNot: readonly string[];
}

/** An option of the 1.1.0 table on a tmpfs: its flags show (and the ones it replaces don't) where `where` says. */
export function mountOptionFlagsCase(row: FlagsRow): CaseDefinition {
  const { option, requirement, where, must, mustNot } = row;
  const at = point(option);
  const label = `${where} flags`;
  return defineCase({
    id: `filesystem.mounts.option.${option}`,
    title: `the ${option} mount option is applied to the mount`,
    requirements: [requirement],
    config: (c) => c.withMount({ destination: at, type: 'tmpfs', source: 'tmpfs', options: ['size=1m', option] }).withScript(HOLD),
    run: async (ctx) => {
      const m = await containerMount(await startHeld(ctx), at);
      if (!ctx.expect(requirement, m !== undefined, { message: `no mount at ${at}` })) return;
      const flags = m === undefined ? [] : FLAGS_OF[where](m);
      for (const f of must) ctx.expect(requirement, flags.includes(f), { message: `${label} of ${at} lack ${f}`, expected: f, actual: flags });
      for (const f of mustNot) ctx.expect(requirement, !flags.includes(f), { message: `${label} of ${at} still have ${f}`, actual: flags });
    },
  });
}

export interface RecursiveRow {
  /** The r* option (rnoexec) and the per-mount flag it must leave on every mount (noexec). */
  readonly option: string;
  readonly flag: string;
  readonly requirement: RequirementId;
  readonly title: string;
  /** What mount_setattr is needed for, in the skip on an old kernel. */
  readonly kernelNeed: string;
  /** The message for a mount without the flag, after its mount point. */
  readonly lacks: string;
}

/** `option` on an rbind of the host's /dev: the flag is on that mount and on every mount below it. */
export function recursiveMountOptionCase(row: RecursiveRow): CaseDefinition {
  const { option, flag, requirement, title, kernelNeed, lacks } = row;
  const at = point(option);
  return defineCase({
    id: `filesystem.mounts.option.${option}`,
    title,
    requirements: [requirement],
    config: (c) => c.withMount({ destination: at, type: 'bind', source: '/dev', options: ['rbind', 'rprivate', option, 'nosuid', 'noexec'] }).withScript(HOLD),
    run: async (ctx) => {
      if (!kernelHasMountSetattr()) ctx.skip(`the kernel is older than 5.12 and has no mount_setattr, which ${kernelNeed}`);
      if ((await hostMountsBelow('/dev')).length === 0) ctx.skip('the host has no mount below /dev, so recursion could not be seen');
      const mounts = (await readMountinfo(await startHeld(ctx))).filter((m) => m.mountPoint === at || m.mountPoint.startsWith(`${at}/`));
      if (!ctx.expect(requirement, mounts.length > 1, { message: 'the rbind brought no nested mounts along', actual: mounts.map((m) => m.mountPoint) })) return;
      for (const m of mounts) ctx.expect(requirement, m.options.includes(flag), { message: `${m.mountPoint} ${lacks}`, expected: flag, actual: m.options });
    },
  });
}

/** A propagation option (shared, unbindable) on a fresh tmpfs is the mount's propagation type (mountinfo optional fields). */
export function mountPropagationCase(option: string, also: RequirementId): CaseDefinition {
  const at = `/mnt/h8-prop-${option}`;
  return defineCase({
    id: `filesystem.mounts.propagation.${option}`,
    title: `the ${option} mount option gives the mount ${option} propagation`,
    requirements: ['CFG-MOUNT-OPTIONS-APPLIED'],
    also: [also],
    config: (c) => c.withMount({ destination: at, type: 'tmpfs', source: 'tmpfs', options: ['size=1m', option] }).withScript(HOLD),
    run: async (ctx) => {
      const req = chargeable(ctx, also, 'CFG-MOUNT-OPTIONS-APPLIED');
      const m = await containerMount(await startHeld(ctx), at);
      ctx.expectEqual(req, `propagation of ${at} (optional fields: ${JSON.stringify(m?.optional ?? [])})`, option, m?.propagation);
    },
  });
}

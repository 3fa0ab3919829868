/**
 * linux.resources.devices: deny everything, then the rules in their order (a
 * later rule overrides an earlier one for the same devices), then, as runc
 * does, allow the default devices of config-linux.md and linux.devices so the
 * container can use the nodes it is given. On v1 these are lines written to
 * devices.deny / devices.allow; on v2 they become an eBPF device program
 * (device-program.ts), unless the rules come down to allowing everything.
 * Without rules the devices cgroup is left as inherited.
 */
import type { DeviceRule, Resources, Spec } from '../../spec.js';
import type { DeviceEntry } from '../device-program.js';
import { type CgroupView, type CgroupWrite, refuse } from './types.js';

const F = 'linux.resources.devices';

/** config-linux.md's default devices, plus /dev/pts/* (136:*), all rwm. */
const DEFAULTS: readonly [number, number | undefined][] = [[1, 3], [1, 5], [1, 7], [1, 8], [1, 9], [5, 0], [5, 1], [5, 2], [136, undefined]];

export interface FieldEntry extends DeviceEntry {
  readonly field: string;
}

function entry(r: DeviceRule, field: string): FieldEntry {
  const type = r.type ?? 'a';
  if (type !== 'a' && type !== 'b' && type !== 'c') refuse(`${field}.type`, `${JSON.stringify(type)} is not a, b or c`);
  const access = r.access ?? 'rwm';
  if (!/^[rwm]{1,3}$/.test(access)) refuse(`${field}.access`, `${JSON.stringify(access)} is not made of r, w and m`);
  const num = (n: number | undefined): number | undefined => (n === undefined || n < 0 ? undefined : n);
  return { field, allow: r.allow, type, major: num(r.major), minor: num(r.minor), access };
}

/** Whether the rules, in order, leave every device allowed for every access (nothing to enforce). */
function allowsAll(rules: readonly DeviceRule[]): boolean {
  let last = -1;
  rules.forEach((r, i) => {
    if ((r.type ?? 'a') === 'a' && (r.major ?? -1) < 0 && (r.minor ?? -1) < 0 && [...(r.access ?? 'rwm')].sort().join('') === 'mrw') last = i;
  });
  return last >= 0 && rules[last]!.allow && rules.slice(last + 1).every((r) => r.allow);
}

/** Everything the devices cgroup gets, in order, starting with deny-all; undefined without rules. */
export function deviceEntries(rules: Resources['devices'], spec: Spec): FieldEntry[] | undefined {
  if (!rules || rules.length === 0) return undefined;
  const out: FieldEntry[] = [{ field: F, allow: false, type: 'a', access: 'rwm' }];
  rules.forEach((r, i) => out.push(entry(r, `${F}[${i}]`)));
  for (const [major, minor] of DEFAULTS) out.push({ field: `${F} (default device c ${major}:${minor ?? '*'})`, allow: true, type: 'c', major, minor, access: 'rwm' });
  (spec.linux?.devices ?? []).forEach((d, i) => {
    const type = d.type === 'u' ? 'c' : d.type;
    if ((type === 'c' || type === 'b') && d.major !== undefined && d.minor !== undefined) out.push({ field: `linux.devices[${i}] (${d.path})`, allow: true, type, major: d.major, minor: d.minor, access: 'rwm' });
  });
  return out;
}

export function deviceLine(e: DeviceEntry): string {
  return e.type === 'a' ? 'a' : `${e.type} ${e.major ?? '*'}:${e.minor ?? '*'} ${e.access}`;
}

/** v1: the lines for devices.deny and devices.allow; [] when the v1 devices controller is not there. */
export function deviceWrites(rules: Resources['devices'], spec: Spec, view: CgroupView): CgroupWrite[] {
  const entries = deviceEntries(rules, spec);
  if (!entries || view.serving('devices') !== 'v1') return [];
  return entries.map((e) => ({ field: e.field, controller: 'devices', version: 'v1', file: e.allow ? 'devices.allow' : 'devices.deny', value: deviceLine(e) }));
}

/** v2: the entries for a device program, undefined when v1 handles them or there is nothing to enforce. */
export function deviceProgramEntries(rules: Resources['devices'], spec: Spec, view: CgroupView): FieldEntry[] | undefined {
  const entries = deviceEntries(rules, spec);
  if (!entries || view.serving('devices') === 'v1' || allowsAll(rules ?? [])) return undefined;
  if (view.unifiedControllers === undefined) refuse(F, 'this host has neither a v1 devices controller nor a unified hierarchy to attach a device program to');
  return entries;
}

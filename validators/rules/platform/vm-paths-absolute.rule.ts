/** The hypervisor, kernel, initrd and VM image paths of config.json's vm object are absolute (runtime mount namespace). */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { asString, at } from '../../json/values.js';
import { reached } from '../../../spec/versions.js';

const PATHS = [
  { path: ['vm', 'hypervisor', 'path'], requirement: 'VM-HYPERVISOR-PATH-ABSOLUTE' },
  { path: ['vm', 'kernel', 'path'], requirement: 'VM-KERNEL-PATH-ABSOLUTE' },
  { path: ['vm', 'kernel', 'initrd'], requirement: 'VM-KERNEL-INITRD-ABSOLUTE' },
  { path: ['vm', 'image', 'path'], requirement: 'VM-IMAGE-PATH-ABSOLUTE' },
] as const;

export default defineRule({
  id: 'platform.vm.paths-absolute',
  requirements: PATHS.map((p) => p.requirement),
  appliesTo: ['config'],
  *check(doc, ctx) {
    if (!reached(ctx.version, '1.0.2')) return;
    const out: RuleFinding<(typeof PATHS)[number]['requirement']>[] = [];
    for (const { path, requirement } of PATHS) {
      const v = asString(at(doc, ...path));
      if (v === undefined || v.startsWith('/')) continue;
      out.push({
        pointer: `/${path.join('/')}`,
        requirement,
        message: `${path.join('.')} ${JSON.stringify(v)} is not an absolute path; it is resolved in the runtime mount namespace and must start with '/'`,
        params: { value: v },
      });
    }
    yield* out;
  },
});

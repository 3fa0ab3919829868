/**
 * The operations' answers to a bad container ID, one case per operation:
 * no ID at all, and an ID no container has. Both must be errors.
 */
import { type CallRecord, type CaseDefinition, defineCase, type RawRuntime, type RequirementId } from '../../case.js';

type Op = 'delete' | 'kill' | 'start' | 'state';

/** lifecycle.ops.<op>.no-id: `<op>` with no container ID fails (`requirement`). */
export function noIdCase(op: Op, requirement: RequirementId): CaseDefinition {
  return defineCase({
    id: `lifecycle.ops.${op}.no-id`,
    title: `${op} without a container ID fails`,
    requirements: [requirement],
    run: async (ctx) => {
      ctx.expectError(requirement, await ctx.runtime.call([op]), `${op} with no container id`);
    },
  });
}

/** How each operation is called on an ID (kill with SIGKILL). */
const CALL: Readonly<Record<Op, (runtime: RawRuntime, id: string) => Promise<CallRecord>>> = {
  delete: (runtime, id) => runtime.delete(id),
  kill: (runtime, id) => runtime.kill(id, 'SIGKILL'),
  start: (runtime, id) => runtime.start(id),
  state: (runtime, id) => runtime.state(id),
};

/** lifecycle.ops.<op>.unknown-id: `<op>` of an ID no container has (ours plus -none) fails (`requirement`). */
export function unknownIdCase(op: Op, requirement: RequirementId): CaseDefinition {
  return defineCase({
    id: `lifecycle.ops.${op}.unknown-id`,
    title: `${op} of an ID no container has fails`,
    requirements: [requirement],
    run: async (ctx) => {
      ctx.expectError(requirement, await CALL[op](ctx.runtime, `${ctx.id}-none`), `${op} of an unknown container id`);
    },
  });
}

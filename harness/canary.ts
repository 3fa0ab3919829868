/**
 * The canary: one plain container must go through create, start, state,
 * wait and delete before any case runs. If it can't, nothing else can, and
 * the run stops with one environment error quoting the runtime.
 */
import { defineCase } from './model.js';
import type { LoadedCase } from './execute.js';

export const CANARY_MARK = 'oci-conform-canary';

export const CANARY: LoadedCase = {
  file: 'harness/canary.ts',
  definition: defineCase({
    id: 'canary',
    title: 'a plain container runs',
    // runtime.md, Start: the operation runs the program that process describes; the canary's echo is that program
    requirements: ['RT-START-RUNS-PROCESS'],
    config: (c) => c.withScript(`echo ${CANARY_MARK}`),
    run: async (ctx) => {
      const { stdout } = await ctx.runToExit();
      ctx.expectEqual('RT-START-RUNS-PROCESS', 'canary stdout', `${CANARY_MARK}\n`, stdout);
      await ctx.delete();
    },
  }),
};

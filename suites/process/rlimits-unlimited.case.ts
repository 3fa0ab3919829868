import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineCase, HOLD, parseLimits, readLimits, RLIM_INFINITY, startHeld } from '../case.js';

/** The largest uint64, RLIM_INFINITY, written with all its digits (a JS number would round it). */
const UINT64_MAX = '18446744073709551615';
const PLACEHOLDER = 424242424242;

/**
 * An rlimit of 18446744073709551615 (uint64 max) is "unlimited": the runtime
 * reads the full uint64 range and the process gets RLIM_INFINITY, soft and
 * hard. Only where our own hard RLIMIT_CORE is unlimited (no privilege needed).
 */
export default defineCase({
  id: 'process.rlimits.unlimited',
  title: 'an rlimit of uint64 max is set as unlimited',
  requirements: ['CFG-RLIMIT-SOFT-MATCH', 'CFG-RLIMIT-HARD-MATCH'],
  config: (c) => c.withRlimit('RLIMIT_CORE', PLACEHOLDER, PLACEHOLDER).withScript(HOLD),
  run: async (ctx) => {
    const ours = parseLimits(readFileSync('/proc/self/limits', 'utf8')).RLIMIT_CORE;
    if (ours?.hard !== RLIM_INFINITY) ctx.skip(`our hard RLIMIT_CORE is ${ours?.hard ?? 'unknown'}, not unlimited, so the container may not be given unlimited`);
    const file = join(ctx.bundle, 'config.json');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(String(PLACEHOLDER), UINT64_MAX));
    ctx.note(`RLIMIT_CORE soft and hard written as ${UINT64_MAX} in config.json before create`);
    const got = (await readLimits(await startHeld(ctx))).RLIMIT_CORE;
    ctx.expectEqual('CFG-RLIMIT-SOFT-MATCH', 'RLIMIT_CORE soft (unlimited)', RLIM_INFINITY, got?.soft);
    ctx.expectEqual('CFG-RLIMIT-HARD-MATCH', 'RLIMIT_CORE hard (unlimited)', RLIM_INFINITY, got?.hard);
  },
});

/**
 * `npm run faults [-- --runs N --seed S --runtime R (repeatable) --only GLOB (repeatable) --max-delay-ms MS]`:
 * interrupted oci-conform runs, one `oci-conform cleanup`, the figures (faults.ts). Exit 1 when anything of
 * those runs is left after the cleanup or a run misbehaved. Needs root and `npm run build` (it runs dist/).
 */
import { parseArgs } from 'node:util';
import { runFaults, summarize } from './faults.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '60' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    runtime: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    'max-delay-ms': { type: 'string', default: '15000' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const maxDelayMs = Number(values['max-delay-ms']);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(maxDelayMs > 0)) {
  process.stderr.write('faults: --runs and --seed take integers, --max-delay-ms a positive number\n');
  process.exit(2);
}
const only = values.only?.length ? values.only : DEFAULT_ONLY();
const runtimes = values.runtime?.length ? values.runtime : ['/usr/bin/runc'];
process.stdout.write(`fault injection: ${runs} runs, seed ${seed}, runtimes ${runtimes.join(', ')}, cases ${only.join(' ')}, signal within ${maxDelayMs} ms\n`);
const f = await runFaults({ runs, seed, runtimes, only, maxDelayMs, log: (l) => process.stdout.write(`${l}\n`) });
for (const l of summarize(f)) process.stdout.write(`${l}\n`);
process.exit(f.leftAfter.length > 0 || f.problems.length > 0 ? 1 : 0);

/** Short cases that create, start, kill and delete containers with cgroups: most of a run is spent among them. */
function DEFAULT_ONLY(): string[] {
  return ['lifecycle.create.state', 'lifecycle.start.runs-process', 'lifecycle.kill.delivers-signal', 'lifecycle.delete.removes-container', 'lifecycle.ops.delete.running', 'lifecycle.ops.kill.term-trapped', 'state.status.transitions', 'linux.cgroups.memory.*', 'linux.cgroups.path.*', 'linux.cgroups.pids.*'];
}

/**
 * The VM runner's entry: `npx tsx ci/vm/run.ts [--profile v2|v1] [--no-disk] [--timeout S] [--mem M] -- <command…>`.
 * Boots Debian's kernel under qemu on this machine's root filesystem, runs the command there as root in the
 * current directory and environment, streams its output and exits with its status. docs/CI.md explains it.
 */
import { HELP, Usage, parseArgs } from './options.js';
import { Missing, probe } from './probe.js';
import { runVm } from './vm.js';

async function main(): Promise<number> {
  try {
    const parsed = parseArgs(process.argv.slice(2));
    if (parsed.help) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const machine = probe(parsed.options.kernel);
    return await runVm(machine, parsed.options, { stdout: process.stdout, stderr: process.stderr });
  } catch (e) {
    if (e instanceof Usage || e instanceof Missing) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`oci-vm: ${e instanceof Error ? e.message : String(e)}\n`);
    return 125;
  }
}

process.exitCode = await main();

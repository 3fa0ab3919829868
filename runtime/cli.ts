/**
 * The process of oci-ts-runtime's command line (bin/oci-ts-runtime.js runs it as a code-cached script:
 * scripts/code-cache.ts, core/code-cache.ts): main() on the arguments, its result as the exit status.
 */
import { main } from './main.js';

export { main };

export function run(argv: readonly string[] = process.argv.slice(2)): void {
  main(argv).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`oci-ts-runtime: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

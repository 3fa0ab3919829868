/**
 * The process of oci-ts-runtime's command line (bin/oci-ts-runtime.js runs it as a code-cached script:
 * scripts/code-cache.ts, core/code-cache.ts): main() on the arguments, its result as the exit status. create and
 * features are in a script of their own beside it (runtime/create-script.ts), loaded by main() when needed.
 */
import type { CodeCache } from '../core/code-cache.js';
import { main } from './main.js';
import { print } from './output.js';

export { main };

/** `scripts`: the code-cached scripts of dist/ (startEntry gives them), which create's script is run from. */
export function run(argv: readonly string[] = process.argv.slice(2), scripts?: CodeCache): void {
  // exit as soon as the command is done: create would otherwise wait some 30 ms more for the handles of the init it
  // let go (its channel, its child process) to close; everything we print is written synchronously by then
  main(argv, scripts).then(
    (code) => process.exit(code),
    (e: unknown) => {
      print(2, `oci-ts-runtime: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}

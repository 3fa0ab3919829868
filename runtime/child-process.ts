/**
 * node:child_process, loaded on first use. Loading it (with net and the streams) costs about 10 ms, which an
 * import would make every start of the command line and of the container init pay, while state, start and delete
 * without hooks, and most inits, never start a process.
 */
import { createRequire } from 'node:module';

type ChildProcessModule = typeof import('node:child_process');

let loaded: ChildProcessModule | undefined;

export function childProcess(): ChildProcessModule {
  return (loaded ??= createRequire(import.meta.url)('node:child_process') as ChildProcessModule);
}

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

/**
 * A child started as libuv starts one, with fork(2): a plain copy of this process, no CLONE_VM. For a child that must
 * enter a time namespace this thread made for its children (unshare(CLONE_NEWTIME)): older kernels (Debian 12's 6.1
 * among them; 6.18 is not) refuse CLONE_VM while such a namespace is pending, and libc's posix_spawn (spawnProcess)
 * forks with it (EINVAL). `fds` as spawnProcess's ([its fd, ours]); as there, the child keeps none of our
 * close-on-exec descriptors, and every signal is at its default action and none blocked. The child is reaped by
 * whoever waits for it first: a waitpid of ours, or libuv's, which lets go of a child it finds already reaped.
 * Its pid.
 */
export function forkProcess(path: string, argv: readonly string[], envp: readonly string[], o: { fds: readonly (readonly [number, number])[]; cwd: string; setsid: boolean }): number {
  const stdio: (number | 'ignore')[] = [];
  for (const [target, ours] of o.fds) {
    while (stdio.length <= target) stdio.push('ignore');
    stdio[target] = ours;
  }
  const env = Object.fromEntries(envp.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const child = childProcess().spawn(path, argv.slice(1), { argv0: argv[0], stdio, cwd: o.cwd, env, detached: o.setsid });
  // a failed start is reported as an 'error' event after this returns: without a pid there is no child
  child.once('error', () => undefined);
  child.unref();
  if (child.pid === undefined) throw new Error(`fork and exec of ${path} failed`);
  return child.pid;
}

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CaseSkip, defineCase, namespaceId, readCmdline, readProcCgroups, sameNamespace } from '../case.js';
import { hasCgroupsPath } from '../_lib/cgroup-places.js';

/** The pid the runtime wrote to the --pid-file the harness passed (beside the container's stdout file), if any. */
async function pidFileValue(stdoutPath: string): Promise<number | undefined> {
  const n = Number((await readFile(join(dirname(stdoutPath), 'pid'), 'utf8').catch(() => '')).trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function passSkip(e: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (e instanceof CaseSkip) throw e;
  return e;
}

/**
 * state.pid is the container process: a process in the container's own cgroup
 * (the cgroupsPath the harness gave) and its own pid namespace (not ours); the
 * same pid the --pid-file names, when the runtime wrote one (that file is a
 * runtime CLI convention, not a runtime-spec requirement: a missing one is
 * only noted here); and after start that process runs process.args. Nothing
 * here compares state with itself.
 */
export default defineCase({
  id: 'state.pid.container-process',
  title: "state.pid names the container process: the container's cgroup, a new pid namespace, the pid file, and process.args after start",
  requirements: ['RT-STATE-PID-REQUIRED-LINUX', 'RT-START-RUNS-PROCESS'],
  config: (c) => c.withArgs('/bin/sleep', '600'),
  run: async (ctx) => {
    await ctx.create();
    const created = await ctx.state();
    const pid = created.pid;
    if (!ctx.expect('RT-STATE-PID-REQUIRED-LINUX', typeof pid === 'number' && Number.isInteger(pid) && pid > 0, { message: `state.pid after create is ${JSON.stringify(pid)}, not a process id`, actual: pid })) return;
    const fromFile = await pidFileValue(ctx.stdoutPath);
    if (fromFile === undefined) ctx.note('the runtime wrote no pid to the --pid-file (a runtime CLI convention, not judged here); state.pid is checked against the cgroup and the pid namespace alone');
    else ctx.expectEqual('RT-STATE-PID-REQUIRED-LINUX', 'state.pid after create (against the --pid-file)', fromFile, pid);

    // A skip (the host can't see the container process: a sandbox's state.pid) is a skip, not this failure.
    const cgroups = await readProcCgroups(pid!).catch((e: NodeJS.ErrnoException) => passSkip(e));
    if (cgroups instanceof Error) {
      ctx.expect('RT-STATE-PID-REQUIRED-LINUX', false, { message: `state.pid ${pid}: /proc/${pid}/cgroup can't be read (${cgroups.code ?? cgroups.message}), so it is not the container process the runtime started`, actual: pid });
      return;
    }
    const paths = [...Object.values(cgroups.v1), ...(cgroups.unified === undefined ? [] : [cgroups.unified])];
    // A rootless run without a delegated cgroup gives no cgroupsPath: the container then has no cgroup of its own.
    if (!hasCgroupsPath(ctx.config)) ctx.note('the config has no cgroupsPath (no cgroup could be made for it): state.pid is checked against the pid namespace alone');
    else {
      ctx.expect('RT-STATE-PID-REQUIRED-LINUX', paths.some((p) => p === `/${ctx.cgroupsPath}` || p.endsWith(`/${ctx.cgroupsPath}`)), {
        message: `process ${pid} of state.pid is not in the container's cgroup ${ctx.cgroupsPath}`,
        expected: ctx.cgroupsPath,
        actual: paths,
      });
    }
    const ns = await Promise.all([namespaceId(pid!, 'pid'), namespaceId('self', 'pid')]).catch((e: NodeJS.ErrnoException) => passSkip(e));
    if (ns instanceof Error) {
      ctx.expect('RT-STATE-PID-REQUIRED-LINUX', false, { message: `state.pid ${pid}: its pid namespace can't be read (${ns.code ?? ns.message}), so it is not the container process the runtime started`, actual: pid });
    } else {
      ctx.expect('RT-STATE-PID-REQUIRED-LINUX', !sameNamespace(ns[0], ns[1]), { message: `process ${pid} of state.pid is in our own pid namespace, not the container's new one`, expected: `not ${ns[1].link}`, actual: ns[0].link });
    }
    await ctx.start();
    const running = await ctx.state();
    ctx.expectEqual('RT-STATE-PID-REQUIRED-LINUX', 'state.pid after start', pid, running.pid);
    ctx.expectEqual('RT-START-RUNS-PROCESS', `cmdline of state.pid ${pid} after start`, ['/bin/sleep', '600'], await readCmdline(pid!).catch(() => undefined));
  },
});

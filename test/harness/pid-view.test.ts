import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { comparePidView, parseInsideView, PID_VIEW_SCRIPT, readHostView, type ProcessView } from '../../harness/pid-view.js';
import { markPid, requireHostView, unmarkPid } from '../../harness/inspect/host-view.js';
import { readStatus } from '../../harness/inspect/status.js';
import { readCmdline } from '../../harness/inspect/process.js';
import { namespaceId, readNamespaces } from '../../harness/inspect/namespaces.js';
import { CaseSkip } from '../../harness/model.js';

// What the pid-view script printed inside a gVisor container (runsc 0.0~20221219), and what the host saw at its state.pid.
const RUNSC_INSIDE = 'oci-conform-pid-view\t1\tpid:[111]\t1 (sh) R 0 1 1 0 0 0 0 0 0 0 2 0 1 0 20 0 1 0 6 10555392 723 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\noci-conform-pid-view-end\n';
const SANDBOX: ProcessView = { pid: 17711, comm: 'exe', startTime: '81234567', pidNs: 'pid:[4026531836]' };

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Runs the pid-view script as a plain host process: the inside and the host view of one process. */
async function hostScript(): Promise<{ pid: number; out: string }> {
  const c = spawn('sh', ['-c', PID_VIEW_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  child = c;
  let out = '';
  await new Promise<void>((resolve, reject) => {
    c.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('oci-conform-pid-view-end\n')) resolve();
    });
    c.on('exit', () => reject(new Error(`the script exited: ${out}`)));
  });
  return { pid: c.pid!, out };
}

describe('the pid-view comparison', () => {
  it('parses the line the script prints inside', () => {
    expect(parseInsideView(RUNSC_INSIDE)).toEqual({ pid: 1, comm: 'sh', startTime: '6', pidNs: 'pid:[111]' });
    expect(parseInsideView('oci-conform-canary\n')).toBeUndefined();
  });

  it('the same process seen from both sides matches (the script run on the host)', async () => {
    const { pid, out } = await hostScript();
    const inside = parseInsideView(out)!;
    expect(inside.pid).toBe(pid);
    const host = await readHostView(pid);
    expect(host).toEqual(inside);
    expect(comparePidView('state.pid', pid, inside, host)).toBeUndefined();
  });

  it('another process at that pid does not, and the reason names what the host saw', async () => {
    const { out } = await hostScript();
    const inside = parseInsideView(out)!;
    const why = comparePidView('state.pid', process.pid, inside, await readHostView(process.pid));
    expect(why).toMatch(new RegExp(`^state.pid ${process.pid} is not the container process`));
    expect(why).toMatch(/differing: pid, comm, startTime$/); // same pid namespace (both on the host), everything else differs
    const sandbox = comparePidView('state.pid', 17711, parseInsideView(RUNSC_INSIDE)!, SANDBOX);
    expect(sandbox).toContain('the host sees "exe" (pid 17711 in pid:[4026531836]');
    expect(sandbox).toMatch(/differing: pidNs, pid, comm, startTime$/);
    expect(comparePidView('the pid file', 4, inside, undefined)).toBe('the pid file 4 is no live process on the host while the container process runs');
  });
});

describe('readers of /proc/<pid> and a pid that is not the container process', () => {
  it('skip the case with the host-pid-view condition for a marked pid, and read it again once unmarked', async () => {
    const { pid } = await hostScript();
    markPid(pid, 'state.pid is the sandbox');
    try {
      for (const read of [() => readStatus(pid), () => readCmdline(pid), () => namespaceId(pid, 'mount'), () => readNamespaces(pid)]) {
        const e = await read().then(() => undefined, (x: unknown) => x);
        expect(e).toBeInstanceOf(CaseSkip);
        expect(e).toMatchObject({ reason: 'needs host-pid-view: state.pid is the sandbox', condition: 'host-pid-view' });
      }
      expect(() => requireHostView('self')).not.toThrow();
      expect((await readStatus('self')).nsPid.length).toBeGreaterThan(0);
    } finally {
      unmarkPid(pid);
    }
    expect((await readCmdline(pid))[0]).toBe('sh');
  });
});

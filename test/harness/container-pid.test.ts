import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { whyNotContainerProcess } from '../../harness/inspect/container-pid.js';

describe('whyNotContainerProcess: is a host pid the container process?', () => {
  it('pid 1, ourselves, and a pid no process can have are never it', async () => {
    expect((await whyNotContainerProcess(1, { newPidNamespace: true }))?.kind).toBe('host-init');
    expect((await whyNotContainerProcess(process.pid, { newPidNamespace: false }))?.kind).toBe('ourselves');
    // above the kernel's largest pid_max (2^22): no process ever has it
    expect(await whyNotContainerProcess(4_194_305, { newPidNamespace: false })).toEqual({ kind: 'dead', message: 'no process 4194305 on the host (/proc/4194305/stat: ENOENT)' });
    expect((await whyNotContainerProcess(0, { newPidNamespace: false }))?.kind).toBe('dead');
  });

  it('a process in our own pid namespace is it only when the config asks for no new one', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = child.pid!;
      expect(await whyNotContainerProcess(pid, { newPidNamespace: false })).toBeUndefined();
      const why = await whyNotContainerProcess(pid, { newPidNamespace: true });
      expect(why?.kind).toBe('outside-namespace');
      expect(why?.message).toMatch(new RegExp(`^process ${pid} \\(sleep\\) is in oci-conform's own pid namespace \\(pid:\\[\\d+\\]\\), but the config gives the container a new one$`));
    } finally {
      child.kill('SIGKILL');
    }
  });
});

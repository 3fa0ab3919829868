/**
 * Two copies of runtime/libc.ts (and core/libc.ts) in one process, as two code-cached scripts hold them (the init and
 * its seccomp script both send descriptors; the command line and create's script): koffi and libc are loaded once,
 * and a koffi struct either copy declares does not fail the other with "Duplicate type name".
 */
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

type RuntimeLibc = typeof import('../../runtime/libc.js');
type CoreLibc = typeof import('../../core/libc.js');

async function copy(): Promise<{ runtime: RuntimeLibc; core: CoreLibc }> {
  vi.resetModules();
  return { runtime: await import('../../runtime/libc.js'), core: await import('../../core/libc.js') };
}

describe('two copies of the libc modules in one process', () => {
  it('share koffi and libc, and both send descriptors (the struct each declares is declared once)', async () => {
    const a = await copy();
    const b = await copy();
    expect(a.runtime).not.toBe(b.runtime);
    expect(b.core.koffi()).toBe(a.core.koffi());
    expect(b.core.libcLibrary()).toBe(a.core.libcLibrary());
    const [ours, theirs] = a.runtime.socketpair();
    const fd = openSync('/dev/null', 'r');
    try {
      for (const [i, lib] of [a.runtime, b.runtime].entries()) {
        expect(lib.sendFds(ours, Buffer.from([i]), [fd]), `copy ${i}`).toBe(1);
        const got = a.core.libc().recvFds(theirs, Buffer.alloc(1), 1, 0);
        expect(got.bytes).toBe(1);
        expect(got.fds).toHaveLength(1);
        closeSync(got.fds[0]!);
      }
      // and core's own struct names, declared by b's libc() after a's
      expect(b.core.libc()).not.toBe(a.core.libc());
    } finally {
      closeSync(fd);
      a.runtime.close(ours);
      a.runtime.close(theirs);
    }
  });
});

import { realpath, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOrRefusal, defineCase } from '../case.js';
import { EXE_PROBE, exeWriteAccess, fingerprint, fingerprintChanges, parseExeProbe, runtimeFiles } from './_lib/escape.js';

/**
 * The container can't reach the runtime's own executable to overwrite it
 * (CVE-2019-5736). Container A holds; container B joins A's pid namespace and
 * is created, so B's runtime init waits inside A's view. A looks at every
 * such process's /proc/<pid>/exe and, if it is the runtime's host file (runc
 * without its memfd copy, a script runtime's interpreter), keeps it open and
 * reopens it for writing once B has started and ended. Any write access to
 * those host files (a refusal only for ETXTBSY included: it ends once nothing
 * runs the file), and any change of them (size, mtime, inode, sha256: the
 * host's binary and, for a script runtime, its interpreter from the #! line),
 * is a violation; B's init's own executable, as the host sees it, is one of
 * them too. Reading them is only noted. A runtime whose init runs from
 * a sealed copy (runc's memfd) or is not dumpable (runc: the container gets
 * EACCES on /proc/<pid>/exe) gives the container nothing to write.
 */
export default defineCase({
  id: 'security.runtime-binary-not-writable',
  title: "the container can't open the runtime's executable on the host for writing",
  requirements: ['CFG-ROOT-NO-HOST-FILES'],
  // joins another container's pid namespace: privilege over the user namespace owning it
  needs: ['root', 'host-pid-view'],
  config: (c) => c.withScript(EXE_PROBE),
  run: async (ctx) => {
    const REQ = 'CFG-ROOT-NO-HOST-FILES';
    const binary = (await ctx.runtime.call(['--version'])).argv[0] ?? ctx.skip('the runtime call record names no executable');
    const files = await runtimeFiles(binary);
    const before = await Promise.all(files.map((f) => fingerprint(f)));
    const targets = new Map(before.map((f) => [`${f.dev}:${f.ino}`, f.path]));
    ctx.note(`runtime files: ${before.map((f) => `${f.path} (${f.dev}:${f.ino}, ${f.size} bytes)`).join(', ')}`);

    const rootfs = join(ctx.bundle, 'rootfs');
    await writeFile(join(rootfs, 'tmp', 'h10-targets'), [...targets.keys()].join(' '));
    await ctx.create();
    await ctx.start();
    await ctx.waitForOutput('ready');
    const pidA = await ctx.pid();

    const b = await ctx.another('init', (c) => c.withNamespace('pid', `/proc/${pidA}/ns/pid`).withArgs('/bin/true'));
    const refused = await createOrRefusal(b);
    if (refused !== undefined) ctx.skip(`the runtime refused a second container joining the first one's pid namespace, which this case needs: ${refused}`);
    // what B's init runs as the host sees it, which no #! line may name (a launcher script that execs an
    // interpreter found in PATH); not a file of the host's (runc's sealed memfd copy): nothing to add
    const initExe = await hostFile(`/proc/${await b.pid()}/exe`);
    if (initExe !== undefined && !files.includes(initExe)) {
      const f = await fingerprint(initExe);
      files.push(initExe);
      before.push(f);
      targets.set(`${f.dev}:${f.ino}`, f.path);
      ctx.note(`the created init's executable: ${f.path} (${f.dev}:${f.ino}, ${f.size} bytes)`);
      await writeFile(join(rootfs, 'tmp', 'h10-targets'), [...targets.keys()].join(' '));
    }
    await writeFile(join(rootfs, 'tmp', 'h10-go1'), '');
    await ctx.waitForOutput('phase1-done');
    await b.start();
    await b.waitStopped();
    await writeFile(join(rootfs, 'tmp', 'h10-go2'), '');
    await ctx.waitForOutput('phase2-done');

    const probe = parseExeProbe(await ctx.readStdout());
    for (const s of probe.seen) {
      const host = targets.get(s.id);
      ctx.note(`pid ${s.pid} in A: exe ${s.link} (${s.id}${host ? `, the host's ${host}` : ''}); read ${s.read}; write ${s.write}`);
    }
    if (probe.keptWrite !== undefined) ctx.note(`reopening the kept descriptor for writing after B ended: ${probe.keptWrite}`);
    let changed = false;
    for (const [i, f] of before.entries()) {
      const changes = fingerprintChanges(f, await fingerprint(files[i] as string));
      changed ||= changes.length > 0;
      ctx.expect(REQ, changes.length === 0, {
        message: `the runtime's host file ${f.path} changed during the case: ${changes.join(', ')}`,
        expected: 'unchanged',
        actual: changes,
      });
    }
    if (probe.seen.length === 0 && !changed) {
      ctx.skip("container A saw no process other than its own in the pid namespace B joined, so the runtime's init was never within reach");
    }
    for (const how of exeWriteAccess(probe, targets)) ctx.expect(REQ, false, { message: how, expected: 'no write access', actual: how });
  },
});

/** The regular host file a link names (symlinks resolved), or undefined (gone, not a file: a memfd, a deleted file). */
async function hostFile(link: string): Promise<string | undefined> {
  try {
    const real = await realpath(link);
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

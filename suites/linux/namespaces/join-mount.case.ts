import { defineCase, HOLD, namespaceId, sameNamespace, startHeld } from '../../case.js';

/**
 * A mount entry with a path joins that mount namespace. The joiner's rootfs
 * must be reachable inside the namespace it joins, so the holder container
 * bind-mounts this case's directory (which holds the joiner's bundle) at the
 * same path; the joiner then names /proc/<holder pid>/ns/mnt.
 */
export default defineCase({
  id: 'linux.namespaces.join.mount',
  title: 'a mount namespace entry with a path joins the mount namespace at that path',
  requirements: ['LNX-NS-PATH-JOIN'],
  // joins another container's mount and pid namespaces: privilege over the user namespace owning them
  needs: ['root'],
  run: async (ctx) => {
    const holder = await ctx.another('holder', (c) =>
      c.withMount({ destination: ctx.workDir, type: 'bind', source: ctx.workDir, options: ['rbind', 'rprivate'] }).withScript(HOLD),
    );
    const hpid = await startHeld(holder);
    const path = `/proc/${hpid}/ns/mnt`;
    // The holder's /proc shows its own pid namespace, so the joiner shares that too (else /proc/self is missing there).
    const joiner = await ctx.another('joiner', (c) => c.withNamespace('mount', path).withNamespace('pid', `/proc/${hpid}/ns/pid`).withScript(HOLD));
    const pid = await startHeld(joiner);
    const [want, got] = await Promise.all([namespaceId(hpid, 'mount'), namespaceId(pid, 'mount')]);
    ctx.expect('LNX-NS-PATH-JOIN', sameNamespace(want, got), { message: `the container is not in the mount namespace of ${path}`, expected: want.link, actual: got.link });
  },
});

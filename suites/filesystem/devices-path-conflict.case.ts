import { attempt, defineCase, HOLD } from '../case.js';
import { putInRootfs } from './_lib/write.js';

/**
 * A regular file already at a device's path is not that device: the runtime
 * must fail (the path is in /etc of the rootfs, so no /dev tmpfs hides it).
 */
export default defineCase({
  id: 'filesystem.devices.path-conflict',
  title: 'a linux.devices path where another file exists is an error',
  requirements: ['LNX-DEVICES-PATH-CONFLICT'],
  config: (c) => c.withDevice({ path: '/etc/h8-conflict', type: 'c', major: 1, minor: 3, fileMode: 0o666, uid: 0, gid: 0 }).withScript(HOLD),
  run: async (ctx) => {
    await putInRootfs(ctx.bundle, '/etc/h8-conflict', 'a regular file, not a device\n');
    const a = await attempt(ctx.runtime, ctx);
    ctx.expectError('LNX-DEVICES-PATH-CONFLICT', a.call, 'create/start with char device 1:3 at /etc/h8-conflict, where the rootfs has a regular file');
  },
});

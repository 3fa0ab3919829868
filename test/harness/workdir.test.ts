import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { parseMountinfo } from '../../harness/inspect/mountinfo.js';
import { pickRunBase } from '../../harness/workdir.js';

const shm = (opts: string, fstype = 'tmpfs'): ReturnType<typeof parseMountinfo> => parseMountinfo(`30 22 0:26 / /dev/shm ${opts} - ${fstype} tmpfs rw\n`);

describe('run directory base', () => {
  it('prefers an exec-able, writable tmpfs at /dev/shm that allows device nodes', () => {
    expect(pickRunBase(shm('rw,nosuid'), {}, () => true)).toBe('/dev/shm');
  });
  it('a nodev /dev/shm (systemd mounts it so; the v2 VM too) is passed over: device nodes in a rootfs there cannot be opened', () => {
    // the v2 VM of issue 11: / an overlay, /dev/shm and /tmp tmpfs with nodev, /var/tmp on the overlay
    const vm = parseMountinfo(
      [
        '20 1 0:19 / / rw,relatime - overlay overlay rw',
        '30 20 0:26 / /dev/shm rw,nosuid,nodev - tmpfs shm rw',
        '31 20 0:27 / /tmp rw,nosuid,nodev - tmpfs tmp rw',
      ].join('\n'),
    );
    expect(pickRunBase(vm, {}, () => true)).toBe(tmpdir() === '/tmp' ? '/var/tmp' : tmpdir());
    // a temp dir on a mount that allows both is taken before /var/tmp
    const disk = parseMountinfo(['20 1 0:19 / / rw,relatime - ext4 /dev/vda rw', '30 20 0:26 / /dev/shm rw,nosuid,nodev - tmpfs shm rw'].join('\n'));
    expect(pickRunBase(disk, {}, () => true)).toBe(tmpdir());
  });
  it('falls back to the temp dir when /dev/shm is noexec, read-only, not tmpfs, not writable or absent', () => {
    expect(pickRunBase(shm('rw,nosuid,nodev,noexec'), {}, () => true)).toBe(tmpdir());
    expect(pickRunBase(shm('ro,nosuid'), {}, () => true)).toBe(tmpdir());
    expect(pickRunBase(shm('rw', 'ext4'), {}, () => true)).toBe(tmpdir());
    expect(pickRunBase(shm('rw'), {}, () => false)).toBe(tmpdir());
    expect(pickRunBase([], {}, () => true)).toBe(tmpdir());
  });
  it('$OCI_CONFORM_TMPDIR wins', () => {
    expect(pickRunBase(shm('rw'), { OCI_CONFORM_TMPDIR: '/var/tmp/x' }, () => true)).toBe('/var/tmp/x');
  });
});

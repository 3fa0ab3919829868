import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { parseMountinfo } from '../../harness/inspect/mountinfo.js';
import { pickRunBase } from '../../harness/workdir.js';

const shm = (opts: string, fstype = 'tmpfs'): ReturnType<typeof parseMountinfo> => parseMountinfo(`30 22 0:26 / /dev/shm ${opts} - ${fstype} tmpfs rw\n`);

describe('run directory base', () => {
  it('prefers an exec-able, writable tmpfs at /dev/shm', () => {
    expect(pickRunBase(shm('rw,nosuid,nodev'), {}, () => true)).toBe('/dev/shm');
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

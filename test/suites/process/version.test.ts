import { describe, expect, it } from 'vitest';
import { needSpec } from '../../../suites/process/_lib/version.js';
import { holdAfter, HOLD } from '../../../suites/process/_lib/running.js';
import { sortedCaps } from '../../../suites/process/_lib/caps.js';
import { CAPABILITY_NAMES } from '../../../harness/inspect/capabilities.js';

const ctx = (specVersion: string) => ({
  specVersion,
  skip(reason: string): never {
    throw new Error(`skip: ${reason}`);
  },
});

describe('process case helpers', () => {
  it('needSpec skips below the version a field appeared in, with the versions in the reason', () => {
    expect(() => needSpec(ctx('1.0.1'), '1.0.2', 'process.user.umask')).toThrow(/process\.user\.umask appeared in runtime-spec 1\.0\.2; this run targets 1\.0\.1/);
    expect(() => needSpec(ctx('1.0.2'), '1.0.2', 'x')).not.toThrow();
    expect(() => needSpec(ctx('1.3.0'), '1.1.0', 'x')).not.toThrow();
  });

  it('holdAfter runs the script before the idle loop', () => {
    expect(holdAfter('id -u')).toBe(`id -u; ${HOLD}`);
  });

  it('sortedCaps orders names as /proc/<pid>/status decodes them', () => {
    expect(sortedCaps(['CAP_SETUID', 'CAP_CHOWN', 'CAP_KILL'], CAPABILITY_NAMES)).toEqual(['CAP_CHOWN', 'CAP_KILL', 'CAP_SETUID']);
  });
});

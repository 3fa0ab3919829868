import { describe, expect, it } from 'vitest';
import { CASES } from '../../../harness/generated/cases.js';
import { versionGate } from '../../../harness/verdict.js';
import { holdAfter, HOLD } from '../../../suites/case.js';
import { sortedCaps } from '../../../suites/process/_lib/caps.js';
import { CAPABILITY_NAMES } from '../../../harness/inspect/capabilities.js';

function requirementsOf(id: string): readonly string[] {
  const c = CASES.find((x) => x.definition.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c.definition.requirements;
}

describe('process case helpers', () => {
  it('fields that appeared after 1.0.0 are gated by the version of the requirement the case cites, not by code in the case', () => {
    expect(versionGate(requirementsOf('process.user.umask'), '1.0.1')).toMatch(/CFG-USER-UMASK-APPLIED appeared in runtime-spec 1\.0\.2; this run targets 1\.0\.1/);
    expect(versionGate(requirementsOf('process.user.umask'), '1.0.2')).toBeUndefined();
    expect(versionGate(requirementsOf('process.scheduler.batch'), '1.0.2')).toMatch(/CFG-SCHEDULER-APPLIED appeared in runtime-spec 1\.1\.0/);
    expect(versionGate(requirementsOf('process.scheduler.batch'), '1.3.0')).toBeUndefined();
    expect(versionGate(requirementsOf('process.personality.linux32'), '1.0.1')).toMatch(/LNX-PERSONALITY-APPLIED appeared in runtime-spec 1\.0\.2/);
    expect(versionGate(requirementsOf('process.env.exact'), '1.0.0')).toBeUndefined();
  });

  it('holdAfter runs the script before the idle loop', () => {
    expect(holdAfter('id -u')).toBe(`id -u; ${HOLD}`);
  });

  it('sortedCaps orders names as /proc/<pid>/status decodes them', () => {
    expect(sortedCaps(['CAP_SETUID', 'CAP_CHOWN', 'CAP_KILL'], CAPABILITY_NAMES)).toEqual(['CAP_CHOWN', 'CAP_KILL', 'CAP_SETUID']);
  });
});

import { describe, expect, it } from 'vitest';
import { chargeable, inForce } from '../../../suites/_lib/requirements.js';
import { versionGate } from '../../../harness/verdict.js';
import { CASES } from '../../../harness/generated/cases.js';

describe('requirements a case charges', () => {
  it('knows when an entry is in force', () => {
    expect(inForce('CFG-MOUNT-OPTION-NOEXEC', '1.0.1')).toBe(false);
    expect(inForce('CFG-MOUNT-OPTION-NOEXEC', '1.1.0')).toBe(true);
    expect(inForce('RT-HOOK-POSTSTART-FAIL-WARN', '1.3.0')).toBe(false);
  });

  it('charges the first entry in force, else the last', () => {
    expect(chargeable({ specVersion: '1.3.0' }, 'CFG-MOUNT-OPTION-NOEXEC', 'CFG-MOUNT-OPTIONS-APPLIED')).toBe('CFG-MOUNT-OPTION-NOEXEC');
    expect(chargeable({ specVersion: '1.0.1' }, 'CFG-MOUNT-OPTION-NOEXEC', 'CFG-MOUNT-OPTIONS-APPLIED')).toBe('CFG-MOUNT-OPTIONS-APPLIED');
    expect(chargeable({ specVersion: '1.0.1' }, 'LNX-NS-TYPES-SUPPORTED', 'LNX-NS-CREATE')).toBe('LNX-NS-CREATE');
    expect(chargeable({ specVersion: '1.0.2' }, 'LNX-NS-TYPES-SUPPORTED', 'LNX-NS-CREATE')).toBe('LNX-NS-TYPES-SUPPORTED');
  });

  it('lets a case with 1.1.0 entries in also run at 1.0.1', () => {
    const c = CASES.find((x) => x.definition.id === 'filesystem.mounts.option.noexec');
    expect(c?.definition.also).toContain('CFG-MOUNT-OPTION-NOEXEC');
    expect(versionGate(c!.definition.requirements, '1.0.1')).toBeUndefined();
    expect(versionGate([...c!.definition.requirements, ...c!.definition.also!], '1.0.1')).toMatch(/appeared in runtime-spec 1.1.0/);
  });
});

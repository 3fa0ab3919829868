/**
 * The X.Y.Z-dev model of spec/versions.ts and the window data of
 * spec/dev-windows.ts, as both tools use them: order, resolution, what is in
 * force at a dev version (catalogue, schema, enum values, oci-conform's gate
 * and negotiation).
 */
import { describe, expect, it } from 'vitest';
import {
  RUNTIME_SPEC_POINTS,
  compareVersions,
  inVersionRange,
  landedAt,
  reached,
  releaseOf,
  resolveRuntimeVersion,
  specTag,
} from '../../spec/versions.js';
import { REQUIREMENTS_LANDED_1_0_2_DEV, RUNTIME_DEV_WINDOWS } from '../../spec/dev-windows.js';
import { CATALOGUE, levelAt, requirement, specUrl } from '../../spec/catalogue.js';
import { versionGate } from '../../harness/verdict.js';
import { chooseVersion } from '../../harness/negotiate.js';
import { configSchema } from '../../validators/schemas/runtime/config.js';
import { SECCOMP_ACTIONS, NAMESPACE_TYPES } from '../../validators/rules/linux/constants.js';

describe('the order of X.Y.Z-dev', () => {
  it('puts X.Y.Z-dev right after X.Y.Z and before the next release and its candidates', () => {
    const sorted = ['1.0.0', '1.0.0-dev', '1.0.1', '1.0.1-dev', '1.0.2', '1.0.2-dev', '1.1.0-rc.1', '1.1.0-rc.2', '1.1.0', '1.2.0'];
    const shuffled = sorted.toReversed();
    expect(shuffled.sort(compareVersions)).toEqual(sorted);
    // build metadata (the branch's +dev since 1.1.0-rc.3) has no precedence
    expect(compareVersions('1.1.0+dev', '1.1.0')).toBe(0);
    expect(compareVersions('1.0.2-dev', '1.0.2')).toBeGreaterThan(0);
    expect(compareVersions('1.0.2-dev', '1.1.0-rc.1')).toBeLessThan(0);
    expect(compareVersions('1.0.2-dev', '1.0.2-dev')).toBe(0);
    // only the exact pre-release 'dev' is special
    expect(compareVersions('1.0.2-dev.1', '1.0.2')).toBeLessThan(0);
  });

  it('knows every release and every dev window as a point, in order', () => {
    expect(RUNTIME_SPEC_POINTS).toEqual(['1.0.0', '1.0.0-dev', '1.0.1', '1.0.1-dev', '1.0.2', '1.0.2-dev', '1.1.0', '1.2.0', '1.2.1', '1.3.0']);
  });

  it('resolves a dev version to itself, pre-releases by SemVer, other majors to nothing', () => {
    expect(resolveRuntimeVersion('1.0.2-dev')).toBe('1.0.2-dev');
    expect(resolveRuntimeVersion('1.0.1-dev')).toBe('1.0.1-dev');
    expect(resolveRuntimeVersion('1.0.0-dev')).toBe('1.0.0-dev');
    expect(resolveRuntimeVersion('1.1.0-rc.3')).toBe('1.0.2-dev');
    expect(resolveRuntimeVersion('1.1.0+dev')).toBe('1.1.0');
    expect(resolveRuntimeVersion('2.0.0-dev')).toBeUndefined();
  });

  it('shows a dev version the text of the tag that ended its window', () => {
    expect(specTag('1.0.2-dev')).toBe('v1.1.0-rc.1');
    expect(specTag('1.0.0-dev')).toBe('v1.0.1');
    expect(specTag('1.0.2')).toBe('v1.0.2');
    expect(releaseOf('1.0.2-dev')).toBe('1.1.0');
    const r = requirement('LNX-SECCOMP-ERRNO-UNSUPPORTED')!;
    expect(specUrl(r, '1.0.2-dev')).toBe('https://github.com/opencontainers/runtime-spec/blob/v1.1.0-rc.1/config-linux.md#seccomp');
  });
});

describe('what is in force at a dev version', () => {
  it('has whole windows carry their release, and 1.0.2-dev only what is marked', () => {
    expect(landedAt('1.0.1')).toBe('1.0.0-dev');
    expect(landedAt('1.0.2')).toBe('1.0.1-dev');
    expect(landedAt('1.1.0')).toBe('1.1.0');
    expect(landedAt('1.1.0', '1.0.2-dev')).toBe('1.0.2-dev');
    expect(reached('1.0.1', '1.0.2')).toBe(false);
    expect(reached('1.0.1-dev', '1.0.2')).toBe(true);
    expect(reached('1.0.2-dev', '1.1.0')).toBe(false);
    expect(reached('1.0.2-dev', '1.1.0', '1.0.2-dev')).toBe(true);
    expect(reached('1.0.2', '1.1.0', '1.0.2-dev')).toBe(false);
  });

  it('marks every listed 1.1.0 requirement with its window, and only those', () => {
    const ids = new Set(CATALOGUE.map((r) => r.id));
    expect(REQUIREMENTS_LANDED_1_0_2_DEV.filter((id) => !ids.has(id))).toEqual([]);
    const marked = CATALOGUE.filter((r) => r.dev !== undefined);
    expect(marked.map((r) => r.id).sort()).toEqual([...REQUIREMENTS_LANDED_1_0_2_DEV].sort());
    for (const r of marked) {
      expect(r.since, r.id).toBe('1.1.0');
      expect(r.dev, r.id).toBe('1.0.2-dev');
    }
  });

  it('drops at 1.0.2-dev the sentences the window removed (every until 1.0.2 left before rc.1)', () => {
    const removed = CATALOGUE.filter((r) => r.spec === 'runtime-spec' && r.until === '1.0.2').map((r) => r.id).sort();
    // each checked gone from v1.1.0-rc.1: #1094 (capabilities), #1169 (prestart at create, the createRuntime note)
    expect(removed).toEqual(['CFG-CAPABILITIES-UNMAPPABLE-ERROR', 'CFG-HOOKS-CREATERUNTIME-AFTER-PRESTART', 'CFG-HOOKS-PRESTART-AT-START']);
    for (const id of removed) expect(versionGate([id], '1.0.2-dev'), id).toMatch(/dropped after runtime-spec 1.0.2/);
  });

  it('gates oci-conform cases by the same model, at the requirement\'s own level', () => {
    expect(versionGate(['LNX-SECCOMP-ERRNORET-APPLIED'], '1.0.2-dev')).toBeUndefined();
    expect(versionGate(['LNX-SECCOMP-ERRNORET-APPLIED'], '1.0.2')).toMatch(/appeared in runtime-spec 1.1.0/);
    expect(versionGate(['CFG-USER-UMASK-APPLIED'], '1.0.2-dev')).toBeUndefined();
    expect(versionGate(['CFG-USER-UMASK-APPLIED'], '1.0.1-dev')).toBeUndefined();
    expect(versionGate(['CFG-USER-UMASK-APPLIED'], '1.0.1')).toMatch(/appeared in runtime-spec 1.0.2/);
    expect(versionGate(['LNX-NS-TIME-TYPE'], '1.0.2-dev')).toMatch(/appeared in runtime-spec 1.1.0/);
    expect(versionGate(['CFG-HOOKS-PRESTART-AT-CREATE'], '1.0.2-dev')).toBeUndefined();
    const cap = requirement('CFG-CAPABILITIES-NO-FAIL')!;
    expect(levelAt(cap, '1.0.2-dev')).toBe('SHOULD');
    expect(levelAt(requirement('LNX-SECCOMP-LISTENER-SOCKET')!, '1.0.2-dev')).toBe('MUST');
  });

  it('negotiates runc\'s ociVersionMax 1.0.2-dev to itself', () => {
    expect(chooseVersion(undefined, { ociVersionMin: '1.0.0', ociVersionMax: '1.0.2-dev' })).toEqual({ specVersion: '1.0.2-dev', configVersion: '1.0.2-dev', source: 'features' });
    expect(chooseVersion('1.0.2-dev', undefined)).toMatchObject({ specVersion: '1.0.2-dev', configVersion: '1.0.2-dev' });
    expect(chooseVersion('1.1.0-rc.1', undefined)).toMatchObject({ specVersion: '1.0.2-dev', configVersion: '1.1.0-rc.1' });
  });

  it('puts window properties in the 1.0.2-dev schema and leaves later ones out', () => {
    const s = JSON.stringify(configSchema('1.0.2-dev'));
    for (const p of ['"umask"', '"createRuntime"', '"personality"', '"errnoRet"', '"defaultErrnoRet"', '"listenerPath"', '"unified"', '"domainname"', '"zos"', '"checkBeforeUpdate"'])
      expect(s, p).toContain(p);
    for (const p of ['"timeOffsets"', '"scheduler"', '"ioPriority"', '"netDevices"']) expect(s, p).not.toContain(p);
    expect(JSON.stringify(configSchema('1.0.2'))).not.toContain('"errnoRet"');
  });

  it('has the enum values of the window known at 1.0.2-dev and the time namespace not', () => {
    const kp = SECCOMP_ACTIONS.find((a) => a.value === 'SCMP_ACT_KILL_PROCESS')!;
    expect(reached('1.0.2-dev', kp.since, kp.dev)).toBe(true);
    const log = SECCOMP_ACTIONS.find((a) => a.value === 'SCMP_ACT_LOG')!;
    expect(reached('1.0.1-dev', log.since, log.dev)).toBe(true);
    const time = NAMESPACE_TYPES.find((n) => n.value === 'time')!;
    expect(reached('1.0.2-dev', time.since, time.dev)).toBe(false);
  });

  it('describes windows that end where their next version begins', () => {
    for (const w of RUNTIME_DEV_WINDOWS) {
      expect(compareVersions(w.base, w.dev)).toBeLessThan(0);
      expect(compareVersions(w.dev, w.release)).toBeLessThan(0);
      expect(inVersionRange(w.dev, w.base)).toBe(true);
    }
  });
});

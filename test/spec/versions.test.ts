import { describe, expect, it } from 'vitest';
import { compareVersions, parseSemVer, resolveImageVersion, resolveRuntimeVersion } from '../../spec/versions.js';

describe('versions', () => {
  it('orders by SemVer precedence, prereleases included', () => {
    const sorted = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0-rc.2', '1.1.0-rc.10', '1.1.0'];
    const shuffled = sorted.toReversed();
    expect(shuffled.sort(compareVersions)).toEqual(sorted);
    expect(compareVersions('1.0.0+build.1', '1.0.0')).toBe(0);
  });

  it('rejects what SemVer 2.0 does not allow', () => {
    for (const bad of ['1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', '1.0.0+', '']) expect(parseSemVer(bad), bad).toBeUndefined();
    expect(parseSemVer('1.0.2-dev')).toMatchObject({ major: 1, minor: 0, patch: 2, prerelease: ['dev'] });
  });

  it('maps a declared version to the release or dev window whose rules apply', () => {
    expect(resolveRuntimeVersion('1.0.2-dev')).toBe('1.0.2-dev');
    expect(resolveRuntimeVersion('1.0.0-dev')).toBe('1.0.0-dev');
    expect(resolveRuntimeVersion('1.1.0-rc.1')).toBe('1.0.2-dev');
    expect(resolveRuntimeVersion('1.0.0-rc5')).toBeUndefined();
    expect(resolveRuntimeVersion('1.2.5')).toBe('1.2.1');
    expect(resolveRuntimeVersion('1.3.0')).toBe('1.3.0');
    expect(resolveRuntimeVersion('2.0.0')).toBeUndefined();
    expect(resolveRuntimeVersion('0.5.0')).toBeUndefined();
    expect(resolveImageVersion('1.1.0-rc6')).toBe('1.0.2');
  });
});

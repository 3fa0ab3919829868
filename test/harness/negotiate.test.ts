import { describe, expect, it } from 'vitest';
import { chooseVersion, specVersionFromOutput } from '../../harness/negotiate.js';
import { LATEST_RUNTIME_SPEC, resolveRuntimeVersion } from '../../spec/versions.js';

// `--version` output of runtimes installed here, verbatim.
const RUNSC = 'runsc version 0.0~20221219.0\nspec: 1.0.2-dev\n';
const RUNC = 'runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1\nspec: 1.0.2-dev\ngo: go1.19.8\nlibseccomp: 2.5.4\n';
const CRUN = 'crun version 1.8.1\ncommit: f8a096be060b22ccd3d5f3ebe44108517fbf6c30\nrundir: /run/crun\nspec: 1.0.0\n+SYSTEMD +SELINUX +APPARMOR +CAP +SECCOMP +EBPF +YAJL\n';

describe('the runtime-spec version a --version output names', () => {
  it.each([
    ['runsc', RUNSC, '1.0.2-dev'],
    ['runc', RUNC, '1.0.2-dev'],
    ['crun', CRUN, '1.0.0'],
    ['CRLF line ends and spaces', 'x version 2\r\n  spec :  1.2.0 \r\n', '1.2.0'],
    ['a v prefix', 'spec: v1.1.0\n', '1.1.0'],
  ])('%s', (_name, text, want) => {
    expect(specVersionFromOutput(text)).toBe(want);
  });

  it.each([
    ['no spec line', 'youki version 0.3.0\ncommit: abc\n'],
    ['a version that is no SemVer', 'spec: 1.0\n'],
    ['another major', 'spec: 2.0.0\n'],
    ['a spec word inside another line', 'runtime spec: 1.0.2 compatible\n'],
    ['a key that only starts with spec', 'specfile: 1.0.0\n'],
    ['empty output', ''],
  ])('none from %s', (_name, text) => {
    expect(specVersionFromOutput(text)).toBeUndefined();
  });
});

describe('chooseVersion', () => {
  it('takes --version output only when there is no option and no usable features', () => {
    expect(chooseVersion(undefined, undefined, RUNSC)).toEqual({ specVersion: resolveRuntimeVersion('1.0.2-dev'), configVersion: '1.0.2-dev', source: 'version-output' });
    expect(chooseVersion(undefined, { ociVersionMax: '1.1.0' }, RUNSC)).toEqual({ specVersion: '1.1.0', configVersion: '1.1.0', source: 'features' });
    expect(chooseVersion(undefined, { ociVersionMin: '1.0.0' }, CRUN)).toEqual({ specVersion: '1.0.0', configVersion: '1.0.0', source: 'version-output' });
    expect(chooseVersion('1.2.0', undefined, RUNSC)).toEqual({ specVersion: '1.2.0', configVersion: '1.2.0', source: 'option' });
  });

  it('falls back to the newest release we know without a spec line, and never targets more than that', () => {
    expect(chooseVersion(undefined, undefined, 'youki version 0.3.0\n')).toEqual({ specVersion: LATEST_RUNTIME_SPEC, configVersion: LATEST_RUNTIME_SPEC, source: 'default' });
    expect(chooseVersion(undefined, undefined, undefined).source).toBe('default');
    expect(chooseVersion(undefined, undefined, 'spec: 1.9.0\n')).toEqual({ specVersion: LATEST_RUNTIME_SPEC, configVersion: LATEST_RUNTIME_SPEC, source: 'version-output' });
  });
});

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pidAlive, specAtLeast, waitGone } from '../../../suites/_lib/lifecycle.js';
import { stateErrors } from '../../../suites/case.js';
import { hostSysctl, sysctlPath } from '../../../suites/linux/sysctl/_lib/sysctl.js';

describe('lifecycle case helpers', () => {
  it('sees our own process alive and a reaped child gone', async () => {
    expect(await pidAlive(process.pid)).toBe(true);
    const child = spawn('/bin/true');
    const pid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    expect(await waitGone(pid, 2000)).toBe(true);
    expect(await pidAlive(pid)).toBe(false);
  });

  it('compares spec versions for fields newer than the oldest version', () => {
    expect(specAtLeast('1.1.0', '1.1.0')).toBe(true);
    expect(specAtLeast('1.0.2', '1.1.0')).toBe(false);
    expect(specAtLeast('1.3.0', '1.0.2')).toBe(true);
  });

  it('validates state documents with our validator: valid ones have no errors, broken ones name the place', async () => {
    expect(await stateErrors('{"ociVersion":"1.2.0","id":"c","status":"created","pid":7,"bundle":"/b"}')).toEqual([]);
    const bad = await stateErrors('{"ociVersion":"1.2.0","id":"c","status":"running","bundle":"b"}');
    expect(bad.some((e) => e.startsWith('/bundle:'))).toBe(true);
    expect(bad.some((e) => e.startsWith('/pid:'))).toBe(true);
    expect((await stateErrors('{"id": ')).length).toBe(1);
  });

  it('reads host sysctls without writing them', async () => {
    expect(sysctlPath('net.ipv4.ip_forward')).toBe('/proc/sys/net/ipv4/ip_forward');
    expect(await hostSysctl('kernel.ostype')).toBe('Linux');
    expect(await hostSysctl('kernel.no_such_key_oci')).toBeUndefined();
  });
});

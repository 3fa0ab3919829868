import { describe, expect, it } from 'vitest';
import { formatDigest, isDigestError, isRegisteredAlgorithm, parseDigest } from '../../../validators/image/digest.js';

const HEX64 = 'c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1';

describe('parseDigest', () => {
  it.each([
    [`sha256:${HEX64}`, 'sha256', HEX64],
    [`sha512:${'0'.repeat(128)}`, 'sha512', '0'.repeat(128)],
    ['multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8', 'multihash+base58', 'QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8'],
    ['sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564', 'sha256+b64u', 'LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564'],
    ['a.b_c-d:x=', 'a.b_c-d', 'x='],
  ])('accepts %s', (s, algorithm, encoded) => {
    const d = parseDigest(s);
    expect(d).toEqual({ algorithm, encoded });
    if (!isDigestError(d)) expect(formatDigest(d)).toBe(s);
  });

  it.each([
    ['', 'grammar'],
    [HEX64, 'grammar'],
    [`:${HEX64}`, 'grammar'],
    [`SHA256:${HEX64}`, 'grammar'],
    ['sha256+:abc', 'grammar'],
    ['+sha256:abc', 'grammar'],
    ['sha256:', 'grammar'],
    ['foo:a/b', 'grammar'],
    ['foo:a b', 'grammar'],
    [`sha256:${HEX64.slice(1)}`, 'registered-encoding'],
    [`sha256:${HEX64}0`, 'registered-encoding'],
    [`sha256:${HEX64.toUpperCase()}`, 'registered-encoding'],
    [`sha256:${'z'.repeat(64)}`, 'registered-encoding'],
    [`sha512:${HEX64}`, 'registered-encoding'],
  ])('rejects %j (%s)', (s, reason) => {
    const d = parseDigest(s);
    expect(isDigestError(d)).toBe(true);
    if (isDigestError(d)) {
      expect(d.reason).toBe(reason);
      expect(d.error.length).toBeGreaterThan(10);
    }
  });

  it('knows the registered algorithms', () => {
    expect(isRegisteredAlgorithm('sha256')).toBe(true);
    expect(isRegisteredAlgorithm('sha512')).toBe(true);
    expect(isRegisteredAlgorithm('sha384')).toBe(false);
    expect(isRegisteredAlgorithm('toString')).toBe(false);
  });
});

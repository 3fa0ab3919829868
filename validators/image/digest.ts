/**
 * Digest strings of image-spec descriptor.md: `algorithm ":" encoded`, where the
 * algorithm is lower-case alphanumeric components joined by one of `+._-` and the
 * encoded part is `[a-zA-Z0-9=_-]+`. The grammar is the same in every release
 * (1.0.0 to 1.1.1). Registered algorithms narrow the encoded part further.
 */

export interface ParsedDigest {
  readonly algorithm: string;
  readonly encoded: string;
}

export interface DigestError {
  /** Why the string is not an acceptable digest, for a one-line message. */
  readonly error: string;
  /** Which rule of the spec it breaks: the general grammar or a registered algorithm's encoding. */
  readonly reason: 'grammar' | 'registered-encoding';
}

const ALGORITHM = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/;
const ENCODED = /^[a-zA-Z0-9=_-]+$/;

export interface RegisteredAlgorithm {
  readonly name: string;
  /** Length of the hex-encoded hash. */
  readonly hexLength: number;
  /** The name node:crypto knows the hash by. */
  readonly nodeHash: string;
}

/** The algorithms the spec registers (descriptor.md, "Registered algorithms"). */
export const REGISTERED_ALGORITHMS: Readonly<Record<string, RegisteredAlgorithm>> = {
  sha256: { name: 'sha256', hexLength: 64, nodeHash: 'sha256' },
  sha512: { name: 'sha512', hexLength: 128, nodeHash: 'sha512' },
};

export function isRegisteredAlgorithm(algorithm: string): boolean {
  return Object.hasOwn(REGISTERED_ALGORITHMS, algorithm);
}

/** The registered algorithm of a digest's algorithm part, if it is one. */
export function registeredAlgorithm(algorithm: string): RegisteredAlgorithm | undefined {
  return isRegisteredAlgorithm(algorithm) ? REGISTERED_ALGORITHMS[algorithm] : undefined;
}

/** True for a lower-case hex string of exactly `length` characters. */
function isLowerHex(s: string, length: number): boolean {
  return s.length === length && /^[a-f0-9]+$/.test(s);
}

/**
 * Parses a digest string. Unregistered algorithms that follow the grammar are
 * accepted (the spec asks implementations to let them pass); sha256 and sha512
 * must carry exactly 64 / 128 lower-case hex characters.
 */
export function parseDigest(s: string): ParsedDigest | DigestError {
  const colon = s.indexOf(':');
  if (colon < 0) return { error: `"${clip(s)}" has no ":" between algorithm and encoded part`, reason: 'grammar' };
  const algorithm = s.slice(0, colon);
  const encoded = s.slice(colon + 1);
  if (!ALGORITHM.test(algorithm))
    return {
      error: `algorithm "${clip(algorithm)}" is not lower-case alphanumeric components joined by one of + . _ -`,
      reason: 'grammar',
    };
  if (!ENCODED.test(encoded))
    return {
      error: `encoded part "${clip(encoded)}" is empty or has characters outside [a-zA-Z0-9=_-]`,
      reason: 'grammar',
    };
  const reg = registeredAlgorithm(algorithm);
  if (reg && !isLowerHex(encoded, reg.hexLength)) {
    const what = /[A-F]/.test(encoded) && encoded.length === reg.hexLength ? 'upper-case hex' : `${encoded.length} characters`;
    return {
      error: `${algorithm} digest must be ${reg.hexLength} lower-case hex characters, found ${what}`,
      reason: 'registered-encoding',
    };
  }
  return { algorithm, encoded };
}

export function isDigestError(d: ParsedDigest | DigestError): d is DigestError {
  return 'error' in d;
}

/** `algorithm:encoded`, e.g. for the blob path blobs/<alg>/<encoded>. */
export function formatDigest(d: ParsedDigest): string {
  return `${d.algorithm}:${d.encoded}`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

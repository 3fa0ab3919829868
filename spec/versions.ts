/** Released spec versions we support, oldest first. */
export const RUNTIME_SPEC_VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.1.0', '1.2.0', '1.2.1', '1.3.0'] as const;
export const IMAGE_SPEC_VERSIONS = ['1.0.0', '1.0.1', '1.0.2', '1.1.0', '1.1.1'] as const;

export type RuntimeSpecVersion = (typeof RUNTIME_SPEC_VERSIONS)[number];
export type ImageSpecVersion = (typeof IMAGE_SPEC_VERSIONS)[number];

export const LATEST_RUNTIME_SPEC: RuntimeSpecVersion = '1.3.0';
export const LATEST_IMAGE_SPEC: ImageSpecVersion = '1.1.1';

export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
}

// SemVer 2.0.0 grammar: numeric identifiers without leading zeros.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

const parsed = new Map<string, SemVer | undefined>();

/** Parses a SemVer 2.0 string (memoised: rules compare the same few versions over and over). */
export function parseSemVer(s: string): SemVer | undefined {
  if (parsed.has(s)) return parsed.get(s);
  const v = parseUncached(s);
  if (parsed.size < 10_000) parsed.set(s, v);
  return v;
}

function parseUncached(s: string): SemVer | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    prerelease: m[4] ? m[4].split('.') : [],
    build: m[5] ? m[5].split('.') : [],
  };
}

/** SemVer precedence (build metadata ignored). */
export function compareVersions(a: string, b: string): number {
  const x = parseSemVer(a);
  const y = parseSemVer(b);
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  const d = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (d !== 0) return d;
  if (x.prerelease.length === 0) return y.prerelease.length === 0 ? 0 : 1;
  if (y.prerelease.length === 0) return -1;
  return comparePrerelease(x.prerelease, y.prerelease);
}

/** SemVer 2.0 §11: identifiers left to right; numeric ones by value and below alphanumeric ones; a prefix sorts first. */
function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p === q) continue;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    return p < q ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * The released runtime-spec version whose rules apply to a declared ociVersion:
 * the newest release not after it with the same major. `1.0.2-dev` maps to 1.0.1,
 * `1.2.5` to 1.2.1. Undefined for an unknown major or one older than 1.0.0.
 */
export function resolveRuntimeVersion(declared: string): RuntimeSpecVersion | undefined {
  const v = parseSemVer(declared);
  if (!v || v.major !== 1) return undefined;
  let best: RuntimeSpecVersion | undefined;
  for (const r of RUNTIME_SPEC_VERSIONS) if (compareVersions(r, declared) <= 0) best = r;
  return best;
}

export function resolveImageVersion(declared: string): ImageSpecVersion | undefined {
  const v = parseSemVer(declared);
  if (!v || v.major !== 1) return undefined;
  let best: ImageSpecVersion | undefined;
  for (const r of IMAGE_SPEC_VERSIONS) if (compareVersions(r, declared) <= 0) best = r;
  return best;
}

/** True when `version` lies in [since, until]. */
export function inVersionRange(version: string, since: string, until?: string): boolean {
  return compareVersions(version, since) >= 0 && (until === undefined || compareVersions(version, until) <= 0);
}

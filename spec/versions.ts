import type { RuntimeDevVersion } from './dev-windows.js';
import { RUNTIME_DEV_WINDOWS } from './dev-windows.js';

export type { RuntimeDevVersion } from './dev-windows.js';

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

/** True for `X.Y.Z-dev` exactly: the OCI specs' main branch after release X.Y.Z (spec/dev-windows.ts). */
export function isDevVersion(v: SemVer): boolean {
  return v.prerelease.length === 1 && v.prerelease[0] === 'dev';
}

/**
 * The order of spec versions: SemVer precedence (build metadata ignored), with
 * one exception the OCI specs' history imposes: `X.Y.Z-dev` is the main branch
 * after the X.Y.Z release, so it sorts right after X.Y.Z and before anything
 * SemVer puts after X.Y.Z (1.0.2 < 1.0.2-dev < 1.1.0-rc.1 < 1.1.0). Every other
 * pre-release keeps its SemVer place (1.1.0-rc.1 < 1.1.0).
 */
export function compareVersions(a: string, b: string): number {
  const x = parseSemVer(a);
  const y = parseSemVer(b);
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  const d = x.major - y.major || x.minor - y.minor || x.patch - y.patch;
  if (d !== 0) return d;
  const xd = isDevVersion(x);
  const yd = isDevVersion(y);
  if (xd || yd) return xd === yd ? 0 : xd ? 1 : -1;
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
 * Every runtime-spec version a document is validated as and a run can target:
 * the releases and the `X.Y.Z-dev` windows between them (spec/dev-windows.ts),
 * oldest first in the order of compareVersions.
 */
export type RuntimeSpecPoint = RuntimeSpecVersion | RuntimeDevVersion;
export const RUNTIME_SPEC_POINTS: readonly RuntimeSpecPoint[] = [
  ...RUNTIME_SPEC_VERSIONS,
  ...RUNTIME_DEV_WINDOWS.map((w) => w.dev as RuntimeDevVersion),
].sort((a, b) => compareVersions(a, b));

/**
 * The runtime-spec version whose rules apply to a declared ociVersion: the
 * newest point (release or dev window) not after it, with the same major.
 * `1.0.2-dev` is itself a point (1.0.2 plus its window), `1.1.0-rc.1` maps to
 * 1.0.2-dev (the rc was cut from that window's end), `1.2.5` to 1.2.1.
 * Undefined for an unknown major or one older than 1.0.0.
 */
export function resolveRuntimeVersion(declared: string): RuntimeSpecPoint | undefined {
  const v = parseSemVer(declared);
  if (!v || v.major !== 1) return undefined;
  let best: RuntimeSpecPoint | undefined;
  for (const r of RUNTIME_SPEC_POINTS) if (compareVersions(r, declared) <= 0) best = r;
  return best;
}

/**
 * The first version at which something first released in `release` is in force:
 * `dev` when it landed during that dev window; the window's dev version when the
 * window was released whole (1.0.1 -> 1.0.0-dev, 1.0.2 -> 1.0.1-dev); else `release`.
 */
export function landedAt(release: string, dev?: string): string {
  if (dev !== undefined) return dev;
  const w = RUNTIME_DEV_WINDOWS.find((x) => x.release === release && x.whole);
  return w ? w.dev : release;
}

/** True when something first released in `release` (landed in window `dev`, if given) is in force at `version`. */
export function reached(version: string, release: string, dev?: string): boolean {
  return compareVersions(version, landedAt(release, dev)) >= 0;
}

/** The release that published what landed at `point` (itself for a release). */
export function releaseOf(point: string): string {
  return RUNTIME_DEV_WINDOWS.find((w) => w.dev === point)?.release ?? point;
}

/** The git tag whose text a version's spec URL shows: a dev window's end tag, else `v` + the version. */
export function specTag(version: string): string {
  return RUNTIME_DEV_WINDOWS.find((w) => w.dev === version)?.endTag ?? `v${version}`;
}

export function resolveImageVersion(declared: string): ImageSpecVersion | undefined {
  const v = parseSemVer(declared);
  if (!v || v.major !== 1) return undefined;
  let best: ImageSpecVersion | undefined;
  for (const r of IMAGE_SPEC_VERSIONS) if (compareVersions(r, declared) <= 0) best = r;
  return best;
}

/**
 * True when `version` lies in [since, until], `since` being a release (landed
 * in window `dev`, if given: see landedAt). `until` is the last release that
 * had the thing; a dev window after it is past it (every removal up to 1.0.2
 * landed within the following window: test/spec/dev-windows.test.ts).
 */
export function inVersionRange(version: string, since: string, until?: string, dev?: string): boolean {
  return reached(version, since, dev) && (until === undefined || compareVersions(version, until) <= 0);
}

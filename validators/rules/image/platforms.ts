/**
 * Platform values: the GOOS and GOARCH values of the Go installation
 * document (go.dev/doc/install/source#environment) and the Platform Variants
 * table of image-index.md, which grew in 1.1.1.
 */
import { compareVersions } from '../../../spec/versions.js';

export const GOOS: ReadonlySet<string> = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'illumos', 'ios', 'js', 'linux',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows',
]);

export const GOARCH: ReadonlySet<string> = new Set([
  '386', 'amd64', 'arm', 'arm64', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le',
  'ppc64', 'ppc64le', 'riscv64', 's390x', 'wasm',
]);

/** os.features values the spec lists for windows. */
export const WINDOWS_OS_FEATURES: ReadonlySet<string> = new Set(['win32k']);

/** The table before 1.1.1: ARM only. */
const VARIANTS_OLD: Readonly<Record<string, RegExp>> = {
  arm: /^v[678]$/,
  arm64: /^v8$/,
};

/** From 1.1.1 the table follows Go's GOARM, GOARM64, GOPPC64, GORISCV64 and GOAMD64, open-ended. */
const VARIANTS_1_1_1: Readonly<Record<string, RegExp>> = {
  arm: /^v[678]$/,
  arm64: /^v(?:8|9)(?:\.\d+)?$/,
  ppc64le: /^power(?:[89]|[1-9]\d)$/,
  riscv64: /^rva\d\du64$/,
  amd64: /^v[1-9]$/,
};

const EXAMPLES: Readonly<Record<string, string>> = {
  arm: 'v6, v7, v8',
  arm64: 'v8, v8.1, … v9.x',
  ppc64le: 'power8, power9, …',
  riscv64: 'rva20u64, rva22u64, …',
  amd64: 'v1, v2, v3, v4',
};

/** The variants the table of `version` lists for an architecture, for messages. */
export function variantExamples(architecture: string, version: string): string {
  if (compareVersions(version, '1.1.1') < 0) return architecture === 'arm64' ? 'v8' : architecture === 'arm' ? 'v6, v7, v8' : 'none';
  return EXAMPLES[architecture] ?? 'none';
}

/**
 * Whether `variant` is listed for `architecture` in the table of `version`;
 * undefined when the table says nothing about the architecture (then any value
 * is implementation-defined).
 */
export function variantListed(architecture: string, variant: string, version: string): boolean | undefined {
  const table = compareVersions(version, '1.1.1') >= 0 ? VARIANTS_1_1_1 : VARIANTS_OLD;
  const re = Object.hasOwn(table, architecture) ? table[architecture] : undefined;
  return re === undefined ? undefined : re.test(variant);
}

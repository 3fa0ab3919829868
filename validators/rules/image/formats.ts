/**
 * Value formats the image spec refers to by RFC: date-times (RFC 3339 5.6),
 * URIs (RFC 3986), base64 (RFC 4648 section 4), and the reference grammars of
 * annotations.md and distribution/distribution. Media type names (RFC 6838)
 * live with the media types, in validators/image/media-types.ts.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** RFC 3339 section 5.6 date-time, with real calendar limits (a leap second allowed). */
export function isRfc3339DateTime(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

// RFC 3986: a scheme, then unreserved, sub-delims, ":", "@", "/", "?", "#", "[", "]" or %XX.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;

/** An absolute URI as RFC 3986 defines it (a scheme is required; at most one fragment mark). */
export function isUri(s: string): boolean {
  return URI.test(s) && s.split('#').length <= 2;
}

/** The scheme of a URI, lower-cased. */
export function uriScheme(s: string): string {
  return s.slice(0, s.indexOf(':')).toLowerCase();
}

/** A URL with an http or https scheme and a host. */
export function isHttpUrl(s: string): boolean {
  return isUri(s) && /^https?:\/\/[^/?#]+/i.test(s);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 with padding (RFC 4648 section 4): no URL-safe letters, no whitespace. */
export function isBase64(s: string): boolean {
  return BASE64.test(s);
}

/** Keys named in reverse domain notation: a lower-case first label, then at least one more label. */
export function isReverseDomainKey(key: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[^.\s]+)+$/.test(key);
}

/** The org.opencontainers.image.ref.name grammar of annotations.md. */
export function isRefName(s: string): boolean {
  return /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/.test(s);
}

export const REF_NAME_CHARSET = /^[A-Za-z0-9\-._:@/+]*$/;

// distribution/distribution reference grammar (reference/regexp.go), written out.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`);

export interface ParsedReference {
  readonly domain: string | undefined;
  readonly path: string;
}

/** An image reference in the distribution/distribution form, or undefined. */
export function parseReference(s: string): ParsedReference | undefined {
  if (s.length > 255 + 128 + 200) return undefined;
  const m = REFERENCE.exec(s);
  if (!m) return undefined;
  let domain = m[1];
  let path = m[2]!;
  // "a/b": the first part is a registry only if it looks like a host (dot, port or localhost)
  if (domain !== undefined && !/[.:]|^localhost$|^\[/.test(domain)) {
    if (!new RegExp(`^${PATH_COMPONENT}$`).test(domain)) return undefined;
    path = `${domain}/${path}`;
    domain = undefined;
  }
  return { domain, path };
}

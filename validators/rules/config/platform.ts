/**
 * What config rules share: which platform a config targets (as far as the
 * document shows it), path forms, and version gates. Not a rule itself.
 */
import type { JsonValue } from '../../json/parse.js';
import { isObject, prop } from '../../json/values.js';
import type { RuntimeDevVersion } from '../../../spec/versions.js';
import { inVersionRange } from '../../../spec/versions.js';
import type { RuleContext } from '../rule.js';

/** A config is for Windows when it carries a windows object. */
export function isWindows(doc: JsonValue): boolean {
  return isObject(prop(doc, 'windows'));
}

/** A config is for Solaris when it carries a solaris object and no linux one. */
export function isSolaris(doc: JsonValue): boolean {
  return isObject(prop(doc, 'solaris')) && !isObject(prop(doc, 'linux'));
}

/**
 * Linux unless the document shows another platform: most configs are for Linux
 * and many leave the linux object out.
 */
export function isLinux(doc: JsonValue): boolean {
  if (isObject(prop(doc, 'linux'))) return true;
  return !['windows', 'solaris', 'zos', 'freebsd'].some((k) => isObject(prop(doc, k)));
}

export function isPosixAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** c:\dir, c:/dir, \\?\Volume{...}\ or \\server\share. */
export function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/**
 * Whether the requirement's version range covers the version the document is
 * validated as; `dev` when it landed under a dev window before `since` released it.
 */
export function inForce(ctx: RuleContext, since: string, until?: string, dev?: RuntimeDevVersion): boolean {
  return inVersionRange(ctx.version, since, until, dev);
}

export function q(v: unknown): string {
  return JSON.stringify(v);
}

/** The runtime's features document, read through the raw runtime (the runtime-features condition says it answers). */
import { type CallRecord, succeeded } from '../../case.js';

export interface Features {
  readonly ociVersionMin?: unknown;
  readonly ociVersionMax?: unknown;
  readonly mountOptions?: unknown;
  readonly linux?: { readonly namespaces?: unknown; readonly capabilities?: unknown };
  readonly [k: string]: unknown;
}

export async function readFeatures(ctx: {
  readonly runtime: { features(): Promise<CallRecord> };
  skip(reason: string): never;
}): Promise<{ call: CallRecord; doc: Features }> {
  const call = await ctx.runtime.features();
  if (!succeeded(call)) return ctx.skip(`features failed now although the probe saw it work: exit ${call.exitCode}`);
  try {
    const doc = JSON.parse(call.stdout) as unknown;
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return { call, doc: doc as Features };
  } catch {
    /* below */
  }
  return ctx.skip('features printed no JSON object now although the probe saw one');
}

/** The string entries of an array-valued claim (anything else counts as absent). */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

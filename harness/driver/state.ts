/**
 * The state document a runtime's `state` prints (runtime.md "State"), parsed
 * leniently: the fields are typed when present with the right JSON type and
 * the raw document is kept for checks of the shape itself.
 */
export type Status = 'creating' | 'created' | 'running' | 'stopped' | (string & {});

export interface ContainerState {
  readonly ociVersion?: string;
  readonly id?: string;
  readonly status?: Status;
  readonly pid?: number;
  readonly bundle?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  /** The whole parsed document. */
  readonly raw: unknown;
}

/** Parses `state` stdout; undefined when it is not a JSON object. */
export function parseState(stdout: string): ContainerState | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const o = doc as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const annotations =
    typeof o.annotations === 'object' && o.annotations !== null && !Array.isArray(o.annotations)
      ? (Object.fromEntries(Object.entries(o.annotations).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
      : undefined;
  return {
    ociVersion: str('ociVersion'),
    id: str('id'),
    status: str('status'),
    pid: typeof o.pid === 'number' ? o.pid : undefined,
    bundle: str('bundle'),
    annotations,
    raw: doc,
  };
}

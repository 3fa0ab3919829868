/**
 * Reporters by name (`--reporter console`, `--reporter junit=out/junit.xml`; `tap` is TAP 14, `tap13` the
 * same stream as TAP 13 for older consumers such as Debian 12's prove; `html=FILE` one self-contained page),
 * or a module path exporting `default` or `createReporter(file?)` for a custom one.
 */
import { OciError } from '../../core/errors.js';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consoleReporter } from './console.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { sinkFor, type Sink } from './output.js';
import type { ConformReporter } from './reporter.js';
import { tapReporter } from './tap.js';

export type { ConformReporter, RunInfo, RunSummary } from './reporter.js';

export const BUILT_IN_REPORTERS = ['console', 'tap', 'junit', 'json', 'tap13', 'html'] as const;

export interface ReporterSpec {
  readonly name: string;
  readonly file?: string;
}

/** 'junit=out/j.xml' -> {name:'junit', file:'out/j.xml'} */
export function parseReporterSpec(s: string): ReporterSpec {
  const i = s.indexOf('=');
  return i < 0 ? { name: s } : { name: s.slice(0, i), file: s.slice(i + 1) };
}

/** What the CLI tells every reporter it makes. */
export interface ReporterSetting {
  /** False with --no-color or NO_COLOR. */
  readonly color?: boolean;
  /** Where a reporter without a file writes; default process.stdout. */
  readonly stdout?: Sink;
}

export async function createReporter(spec: ReporterSpec, setting: ReporterSetting = {}): Promise<ConformReporter> {
  const sink = (): Sink => (!spec.file && setting.stdout ? setting.stdout : sinkFor(spec.file));
  switch (spec.name) {
    case 'console':
      return consoleReporter(sink(), { color: setting.color ?? true });
    case 'tap':
      return tapReporter(sink());
    case 'tap13':
      return tapReporter(sink(), 13);
    case 'json':
      return jsonReporter(sink());
    case 'html':
      if (!spec.file) throw new OciError('OCI_CONFORM_REPORTER', '--reporter html needs a file: --reporter html=PATH');
      return htmlReporter(sinkFor(spec.file));
    case 'junit':
      if (!spec.file) throw new OciError('OCI_CONFORM_REPORTER', '--reporter junit needs a file: --reporter junit=PATH');
      return junitReporter(spec.file);
    default: {
      if (!spec.name.includes('/') && !spec.name.includes('.')) {
        throw new OciError('OCI_CONFORM_REPORTER', `--reporter ${spec.name}: not one of ${BUILT_IN_REPORTERS.join(', ')} and not a module path`);
      }
      let mod: { default?: unknown; createReporter?: (file?: string) => ConformReporter };
      try {
        mod = (await import(pathToFileURL(resolve(spec.name)).href)) as typeof mod;
      } catch (e) {
        throw new OciError('OCI_CONFORM_REPORTER', `--reporter ${spec.name}: cannot load the module (${(e as Error).message})`, { cause: e });
      }
      if (typeof mod.createReporter === 'function') return mod.createReporter(spec.file);
      if (typeof mod.default === 'function') return (mod.default as (file?: string) => ConformReporter)(spec.file);
      if (typeof mod.default === 'object' && mod.default !== null) return mod.default as ConformReporter;
      throw new OciError('OCI_CONFORM_REPORTER', `--reporter ${spec.name}: the module exports neither createReporter nor a default reporter`);
    }
  }
}

/**
 * Rewrites the ociVersion of a bundle's config.json before create, for cases
 * about which versions a runtime accepts (the harness otherwise writes the
 * run's version). The case notes it, since ctx.config shows the original.
 * `ociVersionBoundCase` is the case of each bound features reports.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CaseDefinition, defineCase, type RequirementId } from '../../case.js';
import { readFeatures } from './features.js';

export async function setBundleOciVersion(bundle: string, version: string): Promise<void> {
  const path = join(bundle, 'config.json');
  const doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  doc.ociVersion = version;
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
}

const KEY = { min: 'ociVersionMin', max: 'ociVersionMax' } as const;

/** misc.features.oci-version-<bound>-accepted: a config at the features' ociVersion<Bound> is created and runs. */
export function ociVersionBoundCase(bound: 'min' | 'max', requirement: RequirementId): CaseDefinition {
  const key = KEY[bound];
  return defineCase({
    id: `misc.features.oci-version-${bound}-accepted`,
    title: `a config at the ${key} of features runs`,
    requirements: [requirement],
    needs: ['runtime-features'],
    config: (c) => c.withScript('echo ran'),
    run: async (ctx) => {
      const { doc } = await readFeatures(ctx);
      const version = doc[key];
      if (typeof version !== 'string') return ctx.skip(`features has no ${key} string (the features-valid case reports that)`);
      await setBundleOciVersion(ctx.bundle, version);
      ctx.note(`config.json ociVersion rewritten to ${version} before create`);
      const { stdout } = await ctx.runToExit();
      ctx.expectEqual(requirement, `stdout of a ${version} container`, 'ran\n', stdout);
    },
  });
}

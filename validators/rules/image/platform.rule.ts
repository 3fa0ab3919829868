/**
 * Platform values: os and architecture from Go's GOOS/GOARCH lists, variant
 * from the Platform Variants table, os.features on windows from the listed
 * values. Applies to descriptor platforms and to the image config's own fields
 * (os.features and variant in a config came with 1.1.0).
 */
import { defineRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';
import { compareVersions } from '../../../spec/versions.js';
import { asArray } from '../../json/values.js';
import { GOARCH, GOOS, WINDOWS_OS_FEATURES, variantExamples, variantListed } from './platforms.js';
import { platformsOf } from './walk.js';
import type { PlatformAt } from './walk.js';

const IDS = {
  index: {
    os: 'IMG-INDEX-PLATFORM-OS-GOOS',
    arch: 'IMG-INDEX-PLATFORM-ARCH-GOARCH',
    features: 'IMG-INDEX-PLATFORM-OSFEATURES-WINDOWS',
    variant: 'IMG-INDEX-PLATFORM-VARIANT-TABLE',
  },
  config: {
    os: 'IMG-CONFIG-OS-GOOS',
    arch: 'IMG-CONFIG-ARCH-GOARCH',
    features: 'IMG-CONFIG-OSFEATURES-WINDOWS',
    variant: 'IMG-CONFIG-VARIANT-TABLE',
  },
} as const;

function* checkPlatform(p: PlatformAt, version: string): Generator<RuleFinding<(typeof IDS)[keyof typeof IDS][keyof (typeof IDS)['index']]>> {
  const ids = IDS[p.source];
  const { os, architecture, variant } = p.value;
  if (typeof os === 'string' && !GOOS.has(os))
    yield { requirement: ids.os, pointer: `${p.pointer}/os`, message: `os ${JSON.stringify(os)} is not a GOOS value Go documents (linux, windows, darwin, freebsd, …)`, params: { os } };
  if (typeof architecture === 'string' && !GOARCH.has(architecture))
    yield {
      requirement: ids.arch,
      pointer: `${p.pointer}/architecture`,
      message: `architecture ${JSON.stringify(architecture)} is not a GOARCH value Go documents (amd64, arm64, arm, 386, ppc64le, s390x, riscv64, …)`,
      params: { architecture },
    };
  // the config's os.features and variant are only described from 1.1.0
  if (p.source === 'config' && compareVersions(version, '1.1.0') < 0) return;
  if (os === 'windows') {
    const features = asArray(p.value['os.features']);
    for (let i = 0; i < features.length; i++) {
      const f = features[i];
      if (typeof f === 'string' && !WINDOWS_OS_FEATURES.has(f))
        yield { requirement: ids.features, pointer: `${p.pointer}/os.features/${i}`, message: `os.features ${JSON.stringify(f)} is not a value listed for windows (win32k)`, params: { feature: f } };
    }
  }
  if (typeof variant === 'string' && typeof architecture === 'string' && variantListed(architecture, variant, version) === false)
    yield {
      requirement: ids.variant,
      pointer: `${p.pointer}/variant`,
      message: `variant ${JSON.stringify(variant)} is not listed for ${architecture} (listed: ${variantExamples(architecture, version)})`,
      params: { architecture, variant },
    };
}

export default defineRule({
  id: 'platform.values',
  requirements: [...Object.values(IDS.index), ...Object.values(IDS.config), 'IMG-INDEX-VARIANT-GO-ANALOG'],
  appliesTo: ['index', 'descriptor', 'image-config'],
  *check(doc, ctx) {
    for (const p of platformsOf(doc, ctx.kind)) yield* checkPlatform(p, ctx.version);
  },
});

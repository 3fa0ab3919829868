/**
 * blkio weights are uint16 in the spec, but the kernel takes 10 to 1000
 * (cgroup v1 blkio.weight; runtimes convert that range for cgroup v2).
 * Outside it a runtime will refuse or clamp the value: a hint.
 */
import { defineRule } from '../rule.js';
import type { JsonValue } from '../../json/parse.js';
import { asNumber, at, prop } from '../../json/values.js';
import type { RuleFinding } from '../rule.js';
import { entries } from './util.js';

const MIN = 10;
const MAX = 1000;

function* checkWeights(obj: JsonValue | undefined, pointer: string): Generator<RuleFinding> {
  for (const key of ['weight', 'leafWeight']) {
    const w = asNumber(prop(obj, key));
    if (w === undefined || w === 0 || (w >= MIN && w <= MAX)) continue;
    yield {
      requirement: null, // the kernel's range, not the spec's: a hint
      level: 'INFO',
      pointer: `${pointer}/${key}`,
      message: `blkio ${key} ${w} is outside ${MIN}..${MAX}, the range the kernel accepts; runtimes may refuse or clamp it`,
      params: { weight: w, min: MIN, max: MAX },
    };
  }
}

export default defineRule({
  id: 'linux.blkio.weight-range',
  requirements: [],
  appliesTo: ['config'],
  *check(doc) {
    yield* checkWeights(at(doc, 'linux', 'resources', 'blockIO'), '/linux/resources/blockIO');
    for (const [i, dev] of entries(doc, 'linux', 'resources', 'blockIO', 'weightDevice'))
      yield* checkWeights(dev, `/linux/resources/blockIO/weightDevice/${i}`);
  },
});

/**
 * layers has at least one entry (1.1.0, for portability); an artifact that
 * needs no layers still lists one, of non-zero size (the empty descriptor).
 */
import { defineRule } from '../rule.js';
import { asArray, isObject, prop } from '../../json/values.js';
import { compareVersions } from '../../../spec/versions.js';
import { isArtifactManifest, isForeignDocument } from './artifact.js';

export default defineRule({
  id: 'manifest.layers',
  requirements: ['IMG-MANIFEST-LAYERS-AT-LEAST-ONE', 'IMG-MANIFEST-ARTIFACT-ONE-LAYER'],
  appliesTo: ['manifest'],
  *check(doc, ctx) {
    if (!isObject(doc) || compareVersions(ctx.version, '1.1.0') < 0 || isForeignDocument(doc)) return;
    const layers = prop(doc, 'layers');
    if (layers !== undefined && !Array.isArray(layers)) return; // the schema reports it
    const list = asArray(layers);
    const artifact = isArtifactManifest(doc, ctx.version);
    if (list.length === 0)
      yield artifact
        ? { requirement: 'IMG-MANIFEST-ARTIFACT-ONE-LAYER', pointer: layers === undefined ? '' : '/layers', message: 'an artifact without layers still lists one layer of non-zero size (the empty descriptor is suggested)', params: {} }
        : { requirement: 'IMG-MANIFEST-LAYERS-AT-LEAST-ONE', pointer: layers === undefined ? '' : '/layers', message: 'manifest has no layers; portable manifests have at least one', params: {} };
    else if (artifact && list.length === 1 && isObject(list[0]) && list[0].size === 0)
      yield { requirement: 'IMG-MANIFEST-ARTIFACT-ONE-LAYER', pointer: '/layers/0/size', message: 'the single layer of an artifact has size 0; use a layer of non-zero size, such as the empty descriptor', params: {} };
  },
});

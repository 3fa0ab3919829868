import type { Requirement } from '../types.js';

const UNTESTABLE_LOCATION =
  'about where the file sits and what it is called, not about any content: oci-validate finds a bundle\'s config.json by exactly this name and place, so there is nothing left for a rule to check';

/** Requirements of runtime-spec bundle.md. */
export const BUNDLE: readonly Requirement[] = [
  {
    id: 'BNDL-CONFIG-REQUIRED',
    spec: 'runtime-spec',
    keyword: 'REQUIRED',
    doc: 'bundle.md',
    anchor: 'container-format',
    since: '1.0.0',
    summary: 'A bundle always contains a config.json.',
    check: { by: 'untestable', why: UNTESTABLE_LOCATION },
  },
  {
    id: 'BNDL-CONFIG-AT-ROOT',
    spec: 'runtime-spec',
    keyword: 'MUST',
    doc: 'bundle.md',
    anchor: 'container-format',
    since: '1.0.0',
    summary: 'config.json lies directly in the bundle directory, not in a subdirectory.',
    check: { by: 'untestable', why: UNTESTABLE_LOCATION },
  },
  {
    id: 'BNDL-CONFIG-NAME',
    spec: 'runtime-spec',
    keyword: 'MUST',
    doc: 'bundle.md',
    anchor: 'container-format',
    since: '1.0.0',
    summary: 'The configuration file of a bundle is named exactly config.json.',
    check: { by: 'untestable', why: UNTESTABLE_LOCATION },
  },
  {
    id: 'BNDL-ARTIFACTS-ONE-DIRECTORY',
    spec: 'runtime-spec',
    keyword: 'MUST',
    doc: 'bundle.md',
    anchor: 'container-format',
    since: '1.0.0',
    summary: 'config.json and the root filesystem it names are together in one directory (a relative root.path stays inside the bundle).',
    check: { by: 'static' },
  },
];

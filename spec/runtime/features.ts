import type { CheckedBy, Keyword, Requirement } from '../types.js';

function feat(id: string, keyword: Keyword, anchor: string, summary: string, check: CheckedBy): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'features.md', anchor, since: '1.1.0', summary, check };
}

/** Requirements of runtime-spec features.md (the document appeared in 1.1.0). */
export const FEATURES: readonly Requirement[] = [
  feat('FEAT-BUILD-TIME-CONTENT', 'SHOULD', 'features-structure', 'What the features document lists is fixed when the runtime is built, not probed from the host at run time.', {
    by: 'untestable',
    why: 'when the content was decided is invisible from outside; two hosts of different kernels would be needed even to suspect a host probe',
  }),
  feat('FEAT-NULL-NOT-EMPTY', 'MUST NOT', 'features-structure', 'Readers treat a null property as unknown, never as the empty value (0, false, "", [] or {}).', {
    by: 'untestable',
    why: 'a rule for the programs that read a features document, not for the document itself',
  }),
  feat('FEAT-OCIVERSIONMIN-REQUIRED', 'REQUIRED', 'specification-version', 'The features document has an ociVersionMin string, the oldest spec version the runtime accepts.', { by: 'both' }),
  feat('FEAT-OCIVERSIONMIN-ACCEPTED', 'MUST', 'specification-version', 'The runtime accepts a config.json whose ociVersion is the ociVersionMin it reports.', { by: 'behavioural' }),
  feat('FEAT-OCIVERSIONMAX-REQUIRED', 'REQUIRED', 'specification-version', 'The features document has an ociVersionMax string, the newest spec version the runtime accepts.', { by: 'both' }),
  feat('FEAT-OCIVERSIONMAX-ACCEPTED', 'MUST', 'specification-version', 'The runtime accepts a config.json whose ociVersion is the ociVersionMax it reports.', { by: 'behavioural' }),
  feat('FEAT-OCIVERSIONMAX-NOT-BELOW-MIN', 'MUST NOT', 'specification-version', 'ociVersionMax is not a lower version than ociVersionMin.', { by: 'both' }),
  {
    ...feat(
      'FEAT-PROPERTY-FORM',
      'IMPLIED',
      'features-structure',
      'Every property the document has is of the type features.md gives it; a value of another type is not the property this version defines.',
      { by: 'static' },
    ),
    basis: 'FEAT-NO-UNDEFINED-PROPERTIES',
  },
  feat('FEAT-NO-UNDEFINED-PROPERTIES', 'MUST NOT', 'specification-version', 'The features document has no property that the spec version it reports does not define.', { by: 'both' }),
  feat('FEAT-HOOKS-SUPPORTED', 'MUST', 'hooks', 'Every hook name listed in hooks is supported in the hooks of config.json.', { by: 'both' }),
  feat('FEAT-MOUNTOPTIONS-RECOGNIZED', 'MUST', 'mount-options', 'Every option listed in mountOptions is recognised in the options of a mount in config.json.', { by: 'behavioural' }),
  feat('FEAT-MOUNTOPTIONS-NO-FS-DATA', 'SHOULD NOT', 'mount-options', 'On Linux, mountOptions leaves out filesystem-specific options, the ones passed to mount(2) as its data string.', { by: 'static' }),
  feat('FEAT-ANNOTATIONS-FORMAT', 'MUST', 'annotations', 'annotations is a map of string keys to string values following the annotation rules of config.json.', { by: 'both' }),
];

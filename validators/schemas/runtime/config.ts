/** config.json, from runtime-spec config.md (platform sections live in their own files). */
import type { Schema } from '../dsl.js';
import { obj, req, str } from '../dsl.js';
import { linuxSchema } from './config-linux.js';

export function configSchema(version: string): Schema {
  return obj(
    {
      ociVersion: req('CFG-OCIVERSION-REQUIRED', str()),
      linux: linuxSchema(version),
    },
    { required: ['ociVersion'], requirement: 'CFG-DOCUMENT-OBJECT' },
  );
}

/** config.json, from runtime-spec config.md (platform sections live in their own files). */
import type { Schema } from '../dsl.js';
import { obj, req, str } from '../dsl.js';
import { linuxSchema } from './config-linux.js';
import { windowsSchema } from './config-windows.js';
import { solarisSchema } from './config-solaris.js';
import { vmSchema } from './config-vm.js';
import { zosSchema } from './config-zos.js';
import { freebsdSchema } from './config-freebsd.js';

export function configSchema(version: string): Schema {
  return obj(
    {
      ociVersion: req('CFG-OCIVERSION-REQUIRED', str()),
      linux: linuxSchema(version),
      windows: windowsSchema(version),
      solaris: solarisSchema(version),
      vm: vmSchema(version),
      zos: zosSchema(version),
      freebsd: freebsdSchema(version),
    },
    { required: ['ociVersion'], requirement: 'CFG-DOCUMENT-OBJECT' },
  );
}

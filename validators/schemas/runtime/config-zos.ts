/**
 * The `zos` object of config.json, from runtime-spec config-zos.md: 1.1.0 and
 * 1.2.0 have `devices`, 1.2.1 and later `namespaces` instead.
 */
import type { Schema } from '../dsl.js';
import { arr, enumOf, int, obj, req, str, until } from '../dsl.js';
import { since } from './since.js';
import { DEV_1_0_2 } from '../../../spec/dev-windows.js';

export const ZOS_NAMESPACE_TYPES = ['pid', 'mount', 'ipc', 'uts'] as const;

function device(): Schema {
  return obj(
    {
      type: req('ZOS-DEVICE-TYPE-REQUIRED', enumOf(['c', 'b', 'u', 'p'])),
      path: req('ZOS-DEVICE-PATH-REQUIRED', str()),
      // Required unless type is p: validators/rules/platform/zos-device-numbers.rule.ts
      major: int('int64'),
      minor: int('int64'),
      fileMode: int('uint32'),
    },
    { required: ['type', 'path'] },
  );
}

export function zosSchema(version: string): Schema | undefined {
  return since(
    '1.1.0',
    version,
    obj({
      devices: until('1.2.0', version, arr(device())),
      namespaces: since(
        '1.2.1',
        version,
        arr(obj({ type: req('ZOS-NAMESPACE-TYPE-REQUIRED', str()), path: str() }, { required: ['type'] })),
      ),
    }),
    DEV_1_0_2, // config-zos.md landed under 1.0.2-dev (#1095)
  );
}

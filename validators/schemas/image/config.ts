/**
 * The image configuration of image-spec config.md, for one spec version.
 * Every OPTIONAL field may also be null, which means absent (config.md,
 * "Properties"); REQUIRED ones may not.
 */
import type { Schema } from '../dsl.js';
import { arr, bool, int, mapOf, obj, req, since, str } from '../dsl.js';
import { presentWith } from './common.js';

/** The schema, also accepting null. */
function orNull(s: Schema): Schema {
  return { ...s, type: [s.type as string, 'null'] };
}

/** A Go map[string]struct{} serialised: keys mapped to empty objects. */
function set(): Schema {
  return orNull(mapOf(obj({})));
}

function execConfig(version: string): Schema {
  const reserved = (s: Schema): Schema | undefined => since('1.1.0', version, orNull(s));
  return orNull(
    obj({
      User: orNull(str()),
      ExposedPorts: set(),
      Env: orNull(arr(str())),
      Entrypoint: orNull(arr(str())),
      Cmd: orNull(arr(str())),
      Volumes: set(),
      WorkingDir: orNull(str()),
      Labels: { type: ['object', 'null'], additionalProperties: req('IMG-ANNOT-MAP-STRINGS', str()), 'x-requirement': 'IMG-CONFIG-LABELS-RULES' },
      StopSignal: orNull(str()),
      // described from 1.1.0: deprecated Docker compatibility, and fields reserved for Docker
      ArgsEscaped: since('1.1.0', version, orNull(bool())),
      Memory: reserved(int('int64')),
      MemorySwap: reserved(int('int64')),
      CpuShares: reserved(int('int64')),
      Healthcheck: reserved(obj({})),
    }),
  );
}

function history(): Schema {
  return orNull(
    arr(
      obj({
        created: orNull(str()),
        author: orNull(str()),
        created_by: orNull(str()),
        comment: orNull(str()),
        empty_layer: orNull(bool()),
      }),
    ),
  );
}

export function imageConfigSchema(version: string): Schema {
  return obj(
    {
      created: orNull(str()),
      author: orNull(str()),
      architecture: req('IMG-CONFIG-ARCH-REQUIRED', str()),
      os: req('IMG-CONFIG-OS-REQUIRED', str()),
      'os.version': since('1.1.0', version, orNull(str())),
      'os.features': since('1.1.0', version, orNull(arr(str()))),
      variant: since('1.1.0', version, orNull(str())),
      config: execConfig(version),
      rootfs: req(
        'IMG-CONFIG-ROOTFS-REQUIRED',
        obj(
          {
            type: presentWith('IMG-CONFIG-ROOTFS-TYPE-REQUIRED', req('IMG-CONFIG-ROOTFS-TYPE-LAYERS', { const: 'layers' })),
            diff_ids: req('IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED', arr(str())),
          },
          { required: ['type', 'diff_ids'] },
        ),
      ),
      history: history(),
    },
    { required: ['architecture', 'os', 'rootfs'], requirement: 'IMG-CONFIG-PROPERTY-FORM' },
  );
}

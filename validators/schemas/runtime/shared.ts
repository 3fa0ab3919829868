/** Pieces of the config.json schema used in more than one place (hooks, mounts, process). */
import type { Schema } from '../dsl.js';
import { arr, int, obj, req, str } from '../dsl.js';

/**
 * Go's `int` in the spec's bindings: 64 bits on every platform a runtime runs on.
 * Where the prose says only "int" we take this width.
 */
export const GO_INT = 'int64' as const;

export function strings(): Schema {
  return arr(str());
}

/** One entry of a hooks array (the same shape for all six hook kinds). */
export function hookSchema(): Schema {
  return obj(
    {
      path: req('CFG-HOOK-PATH-REQUIRED', str()),
      args: strings(),
      env: strings(),
      timeout: req('CFG-HOOK-TIMEOUT-POSITIVE', int(GO_INT, { minimum: 1 })),
    },
    { required: ['path'] },
  );
}

/** A uid or gid range mapping, as in linux.uidMappings and (from 1.1.0) mounts[].uidMappings. */
export function idMappingSchema(): Schema {
  return obj({ containerID: int('uint32'), hostID: int('uint32'), size: int('uint32') }, { required: ['containerID', 'hostID', 'size'] });
}

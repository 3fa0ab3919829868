/** The `solaris` object of config.json, from runtime-spec config-solaris.md (every version, unchanged). */
import type { Schema } from '../dsl.js';
import { arr, obj, str } from '../dsl.js';

export function solarisSchema(_version: string): Schema | undefined {
  return obj({
    milestone: str(),
    limitpriv: str(),
    maxShmMemory: str(),
    cappedCPU: obj({ ncpus: str() }),
    cappedMemory: obj({ physical: str(), swap: str() }),
    anet: arr(
      obj({
        linkname: str(),
        lowerLink: str(),
        allowedAddress: str(),
        // A string ("true"/"false") in the spec, not a boolean.
        configureAllowedAddress: str(),
        defrouter: str(),
        macAddress: str(),
        linkProtection: str(),
      }),
    ),
  });
}

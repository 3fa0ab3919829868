/** The `windows` object of config.json, from runtime-spec config-windows.md (every version). */
import type { Schema } from '../dsl.js';
import { arr, bool, int, obj, req, str } from '../dsl.js';
import { since } from './since.js';
import { reached } from '../../../spec/versions.js';

function resources(v: string): Schema {
  return obj({
    memory: obj({ limit: int('uint64') }),
    cpu: obj({
      count: int('uint64'),
      shares: int('uint16'),
      // 1.0.0 said only "uint"; 1.0.1 narrowed it to uint16.
      maximum: reached(v, '1.0.1') ? int('uint16') : int('uint32'),
      affinity: since(
        '1.2.1',
        v,
        arr(
          obj(
            { mask: req('WIN-CPU-AFFINITY-MASK-REQUIRED', int('uint64')), group: req('WIN-CPU-AFFINITY-GROUP-REQUIRED', int('uint32')) },
            { required: ['mask', 'group'] },
          ),
        ),
      ),
    }),
    storage: obj({ iops: int('uint64'), bps: int('uint64'), sandboxSize: int('uint64') }),
  });
}

export function windowsSchema(version: string): Schema | undefined {
  return obj(
    {
      layerFolders: req(
        'WIN-LAYERFOLDERS-REQUIRED',
        // The emptiness check sits in its own node so that it cites its own requirement.
        arr(str(), { allOf: [req('WIN-LAYERFOLDERS-NOT-EMPTY', { type: 'array', minItems: 1 })] }),
      ),
      devices: since(
        '1.0.2',
        version,
        arr(obj({ id: req('WIN-DEVICE-ID-REQUIRED', str()), idType: req('WIN-DEVICE-IDTYPE-REQUIRED', str()) }, { required: ['id', 'idType'] })),
      ),
      resources: resources(version),
      network: obj({
        endpointList: arr(str()),
        allowUnqualifiedDNSQuery: bool(),
        DNSSearchList: arr(str()),
        networkSharedContainerName: str(),
        networkNamespace: since('1.0.2', version, str()),
      }),
      // Implementation-defined properties.
      credentialSpec: obj({}),
      servicing: bool(),
      ignoreFlushesDuringBoot: bool(),
      hyperv: obj({ utilityVMPath: str() }),
    },
    { required: ['layerFolders'] },
  );
}

/**
 * The `vm` object of config.json, from runtime-spec config-vm.md (1.0.2 and
 * later; hwConfig since 1.3.0). Absolute paths are checked by
 * validators/rules/platform/vm-paths-absolute.rule.ts.
 */
import type { Schema } from '../dsl.js';
import { arr, int, obj, req, str } from '../dsl.js';
import { since } from './since.js';

function hwConfig(): Schema {
  return obj({
    deviceTree: str(),
    vcpus: int('uint32'),
    memory: int('uint64'),
    dtdevs: arr(str()),
    iomems: arr(
      obj(
        {
          firstGFN: int('uint64'),
          firstMFN: req('VM-HWCONFIG-IOMEM-FIRSTMFN-REQUIRED', int('uint64')),
          nrMFNs: req('VM-HWCONFIG-IOMEM-NRMFNS-REQUIRED', int('uint64')),
        },
        { required: ['firstMFN', 'nrMFNs'] },
      ),
    ),
    irqs: arr(int('uint32')),
  });
}

export function vmSchema(version: string): Schema | undefined {
  return since(
    '1.0.2',
    version,
    obj(
      {
        hypervisor: obj({ path: req('VM-HYPERVISOR-PATH-REQUIRED', str()), parameters: arr(str()) }, { required: ['path'] }),
        kernel: req(
          'VM-KERNEL-REQUIRED',
          obj({ path: req('VM-KERNEL-PATH-REQUIRED', str()), parameters: arr(str()), initrd: str() }, { required: ['path'] }),
        ),
        image: obj(
          { path: req('VM-IMAGE-PATH-REQUIRED', str()), format: req('VM-IMAGE-FORMAT-REQUIRED', str()) },
          { required: ['path', 'format'] },
        ),
        hwConfig: since('1.3.0', version, hwConfig()),
      },
      { required: ['kernel'] },
    ),
  );
}

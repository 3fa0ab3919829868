import type { Keyword, Requirement } from '../types.js';

function vm(id: string, keyword: Keyword, anchor: string, since: string, summary: string): Requirement {
  return { id, spec: 'runtime-spec', keyword, doc: 'config-vm.md', anchor, since, summary, check: { by: 'static' }, platforms: ['vm'] };
}

/** Requirements of runtime-spec config-vm.md (since 1.0.2). */
export const CONFIG_VM: readonly Requirement[] = [
  vm('VM-HYPERVISOR-PATH-REQUIRED', 'REQUIRED', 'hypervisor-object', '1.0.2', 'vm.hypervisor, when present, has a path to the hypervisor binary.'),
  vm('VM-HYPERVISOR-PATH-ABSOLUTE', 'MUST', 'hypervisor-object', '1.0.2', 'vm.hypervisor.path is absolute in the runtime mount namespace.'),
  vm('VM-KERNEL-REQUIRED', 'REQUIRED', 'kernel-object', '1.0.2', 'A vm object always has a kernel object.'),
  vm('VM-KERNEL-PATH-REQUIRED', 'REQUIRED', 'kernel-object', '1.0.2', 'vm.kernel has a path to the kernel that boots the VM.'),
  vm('VM-KERNEL-PATH-ABSOLUTE', 'MUST', 'kernel-object', '1.0.2', 'vm.kernel.path is absolute in the runtime mount namespace.'),
  vm('VM-KERNEL-INITRD-ABSOLUTE', 'MUST', 'kernel-object', '1.0.2', 'vm.kernel.initrd, when given, is absolute in the runtime mount namespace.'),
  vm('VM-IMAGE-PATH-REQUIRED', 'REQUIRED', 'image-object', '1.0.2', 'vm.image, when present, has a path to the VM root image.'),
  vm('VM-IMAGE-PATH-ABSOLUTE', 'MUST', 'image-object', '1.0.2', 'vm.image.path is absolute in the runtime mount namespace.'),
  vm('VM-IMAGE-FORMAT-REQUIRED', 'REQUIRED', 'image-object', '1.0.2', 'vm.image has a format string naming the image format (raw, qcow2, vdi, vmdk, vhd, ...).'),
  vm('VM-HWCONFIG-IOMEM-FIRSTMFN-REQUIRED', 'REQUIRED', 'hwconfig-object', '1.3.0', 'Every vm.hwConfig.iomems entry has firstMFN, the first physical page of the region.'),
  vm('VM-HWCONFIG-IOMEM-NRMFNS-REQUIRED', 'REQUIRED', 'hwconfig-object', '1.3.0', 'Every vm.hwConfig.iomems entry has nrMFNs, the number of pages to map.'),
];

import type { Requirement } from '../types.js';
import { STATIC, entriesOf, untestable } from './entry.js';

const e = entriesOf('config.md');
const P = 'properties';
const IMPL = 'binds tools that unpack or run the image, not the config document';

/** Requirements of image-spec config.md. */
export const IMAGE_CONFIG: readonly Requirement[] = [
  e('IMG-CONFIG-DIFFID-REPRODUCIBLE', 'SHOULD', 'layer-diffid', '1.0.0',
    'Layers are packed and unpacked reproducibly so their DiffIDs stay the same.',
    untestable('concerns how tools rebuild layers over time')),
  e('IMG-CONFIG-ARCH-REQUIRED', 'REQUIRED', P, '1.0.0',
    'An image config names its CPU architecture.', STATIC),
  e('IMG-CONFIG-ARCH-GOARCH', 'SHOULD', P, '1.0.0',
    'architecture is one of the GOARCH values Go documents.', STATIC),
  e('IMG-CONFIG-ARCH-UNDERSTAND', 'SHOULD', P, '1.0.0',
    'Implementations understand the GOARCH values in architecture.', untestable(IMPL)),
  e('IMG-CONFIG-OS-REQUIRED', 'REQUIRED', P, '1.0.0',
    'An image config names its operating system.', STATIC),
  e('IMG-CONFIG-OS-GOOS', 'SHOULD', P, '1.0.0',
    'os is one of the GOOS values Go documents.', STATIC),
  e('IMG-CONFIG-OS-UNDERSTAND', 'SHOULD', P, '1.0.0',
    'Implementations understand the GOOS values in os.', untestable(IMPL)),
  e('IMG-CONFIG-OSFEATURES-WINDOWS', 'SHOULD', P, '1.1.0',
    'On windows, os.features uses the values the spec lists (win32k).', STATIC),
  e('IMG-CONFIG-OSFEATURES-UNDERSTAND', 'SHOULD', P, '1.1.0',
    'Implementations understand the listed windows os.features values.', untestable(IMPL)),
  e('IMG-CONFIG-VARIANT-TABLE', 'SHOULD', P, '1.1.0',
    'variant is one the Platform Variants table lists for the architecture.', STATIC),
  e('IMG-CONFIG-VARIANT-UNDERSTAND', 'SHOULD', P, '1.1.0',
    'Implementations understand the variants of the Platform Variants table.', untestable(IMPL)),
  e('IMG-CONFIG-EXEC-BASE', 'SHOULD', P, '1.0.0',
    'Runners use config as the base of the container execution parameters.', untestable(IMPL)),
  e('IMG-CONFIG-CMD-EXECUTABLE', 'SHOULD', P, '1.0.0',
    'Without an Entrypoint, the first Cmd entry is taken as the program to run.', untestable(IMPL)),
  e('IMG-CONFIG-LABELS-RULES', 'MUST', P, '1.0.0',
    'config.Labels follows the annotation rules of annotations.md.', STATIC),
  e('IMG-CONFIG-ROOTFS-REQUIRED', 'REQUIRED', P, '1.0.0',
    'An image config has a rootfs object.', STATIC),
  e('IMG-CONFIG-ROOTFS-TYPE-REQUIRED', 'REQUIRED', P, '1.0.0',
    'rootfs has a type.', STATIC),
  e('IMG-CONFIG-ROOTFS-TYPE-LAYERS', 'MUST', P, '1.0.0',
    'rootfs.type is the string "layers".', STATIC),
  e('IMG-CONFIG-ROOTFS-TYPE-UNKNOWN-ERROR', 'MUST', P, '1.0.0',
    'Tools that verify or unpack an image fail on any other rootfs.type.',
    untestable('binds unpacking tools; oci-validate reports the value itself (IMG-CONFIG-ROOTFS-TYPE-LAYERS)')),
  e('IMG-CONFIG-ROOTFS-DIFFIDS-REQUIRED', 'REQUIRED', P, '1.0.0',
    'rootfs has a diff_ids array of layer DiffIDs, first to last.', STATIC),
  e('IMG-CONFIG-EXTRA-FIELDS', 'MUST', P, '1.0.0',
    'Unknown config fields never cause an error (worded as "ignored" before 1.1.0).', untestable(IMPL)),
];

/**
 * Where the descriptors, annotation maps and platforms of an image document
 * are, whatever the schema said about it: rules walk these lists instead of
 * retyping the document layout.
 */
import type { ImageRequirementId } from '../../../spec/types.js';
import type { JsonValue } from '../../json/parse.js';
import { asArray, isObject, prop } from '../../json/values.js';
import type { JsonObject } from '../../json/values.js';

export type DescriptorRole = 'config' | 'layer' | 'subject' | 'manifest-entry' | 'descriptor';

export interface DescriptorAt {
  readonly pointer: string;
  readonly value: JsonObject;
  readonly role: DescriptorRole;
}

/** Every descriptor object of a manifest, index or stand-alone descriptor. */
export function descriptorsOf(doc: JsonValue, kind: string): DescriptorAt[] {
  const out: DescriptorAt[] = [];
  const add = (v: JsonValue | undefined, pointer: string, role: DescriptorRole): void => {
    if (isObject(v)) out.push({ pointer, value: v, role });
  };
  if (kind === 'manifest') {
    add(prop(doc, 'config'), '/config', 'config');
    asArray(prop(doc, 'layers')).forEach((l, i) => add(l, `/layers/${i}`, 'layer'));
    add(prop(doc, 'subject'), '/subject', 'subject');
  } else if (kind === 'index') {
    asArray(prop(doc, 'manifests')).forEach((m, i) => add(m, `/manifests/${i}`, 'manifest-entry'));
    add(prop(doc, 'subject'), '/subject', 'subject');
  } else if (kind === 'descriptor') {
    add(doc, '', 'descriptor');
  }
  return out;
}

/** Where an annotation map sits, which decides what keys make sense there. */
export type AnnotationPlace = 'manifest' | 'index' | 'descriptor' | 'index-entry' | 'labels';

export interface AnnotationsAt {
  readonly pointer: string;
  readonly value: JsonValue;
  readonly place: AnnotationPlace;
  /** The requirement that makes the annotation rules apply here. */
  readonly requirement: ImageRequirementId;
}

const DESCRIPTOR_RULES = 'IMG-DESC-ANNOTATIONS-RULES';

/** Every annotation map (present, of any JSON type) of an image document. */
export function annotationMapsOf(doc: JsonValue, kind: string): AnnotationsAt[] {
  const out: AnnotationsAt[] = [];
  const add = (owner: JsonValue | undefined, base: string, key: string, place: AnnotationPlace, requirement: ImageRequirementId): void => {
    if (isObject(owner) && Object.prototype.hasOwnProperty.call(owner, key))
      out.push({ pointer: `${base}/${key}`, value: owner[key]!, place, requirement });
  };
  if (kind === 'manifest') add(doc, '', 'annotations', 'manifest', 'IMG-MANIFEST-ANNOTATIONS-RULES');
  if (kind === 'index') add(doc, '', 'annotations', 'index', 'IMG-INDEX-ANNOTATIONS-RULES');
  if (kind === 'image-config') add(prop(doc, 'config'), '/config', 'Labels', 'labels', 'IMG-CONFIG-LABELS-RULES');
  for (const d of descriptorsOf(doc, kind))
    add(d.value, d.pointer, 'annotations', d.role === 'manifest-entry' ? 'index-entry' : 'descriptor', DESCRIPTOR_RULES);
  return out;
}

export interface PlatformAt {
  readonly pointer: string;
  readonly value: JsonObject;
  /** 'index' for platform objects of descriptors, 'config' for the image config's own fields. */
  readonly source: 'index' | 'config';
}

/** Platform descriptions: descriptor platform objects, or the image config itself. */
export function platformsOf(doc: JsonValue, kind: string): PlatformAt[] {
  if (kind === 'image-config') return isObject(doc) ? [{ pointer: '', value: doc, source: 'config' }] : [];
  const out: PlatformAt[] = [];
  for (const d of descriptorsOf(doc, kind)) {
    const p = d.value.platform;
    if (isObject(p)) out.push({ pointer: `${d.pointer}/platform`, value: p, source: 'index' });
  }
  return out;
}

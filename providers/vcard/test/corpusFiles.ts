import { readFileSync } from 'node:fs';

/** The photos the corpus carries, as their exporters encoded them. */
export const CORPUS_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';
export const CORPUS_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4Y2wMAAMBATPEwnsTAAAAAElFTkSuQmCC';

export const CORPUS_FILES = [
  'apple-3.0.vcf',
  'google-3.0.vcf',
  'outlook-2.1.vcf',
  'android-2.1.vcf',
  'vcard-4.0.vcf',
  'broken.vcf',
] as const;

export type CorpusFile = (typeof CORPUS_FILES)[number];

/** A corpus file's exact bytes. */
export function corpusBytes(name: CorpusFile): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./corpus/${name}`, import.meta.url)));
}

export function bytesOfBase64(base64: string): Uint8Array {
  return Uint8Array.from(Buffer.from(base64, 'base64'));
}

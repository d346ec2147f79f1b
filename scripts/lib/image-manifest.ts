// What the images step (scripts/steps/images.ts) makes of each image, and picture() reads
// (scripts/eleventy/picture.ts): the formats, and each source's encoded files.
export const FORMATS = ["avif", "webp", "jpeg"] as const;
export type ImageFormat = (typeof FORMATS)[number];

/** One encoded file: its URL path under the site root (before the path prefix). */
export interface ImageVariant {
  width: number;
  height: number;
  url: string;
  bytes: number;
}
/** One source image, by its name under src/images/ (as the YAML writes it). */
export interface ManifestEntry {
  /** Size of the largest variant: the <img> width and height. */
  width: number;
  height: number;
  variants: Record<ImageFormat, ImageVariant[]>;
}
export type ImageManifest = Record<string, ManifestEntry>;

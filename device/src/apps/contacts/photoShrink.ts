import { PICKED_PHOTO_SIZE } from '../../protocol/contactsApi';

/** The part of a picture a square thumbnail shows, and the thumbnail's side, in pixels. */
export interface SquareCrop {
  sx: number;
  sy: number;
  side: number;
  size: number;
}

/**
 * The centred square of a `width` × `height` picture, drawn at `max` pixels a side, or at its own size
 * when it is smaller (a small picture is never blown up).
 */
export function squareCrop(width: number, height: number, max = PICKED_PHOTO_SIZE): SquareCrop {
  if (!(width > 0 && height > 0)) throw new Error(`a picture has a size, got ${width} × ${height}`);
  const side = Math.min(width, height);
  return {
    sx: Math.floor((width - side) / 2),
    sy: Math.floor((height - side) / 2),
    side,
    size: Math.max(1, Math.min(max, Math.round(side))),
  };
}

/**
 * Decodes a picked picture and shrinks it once, to a square JPEG thumbnail, before anything is sent or
 * stored: a camera photo of megabytes becomes a few kilobytes. A picture the browser cannot decode is
 * refused with a message for the user.
 */
export async function shrinkPhoto(file: Blob): Promise<{ bytes: Uint8Array; mediaType: string }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error('This file is not a picture the phone can read.');
  }
  try {
    const crop = squareCrop(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(crop.size, crop.size);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This phone cannot draw pictures.');
    // JPEG has no transparency: a transparent PNG sits on white, not black.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, crop.size, crop.size);
    context.drawImage(bitmap, crop.sx, crop.sy, crop.side, crop.side, 0, 0, crop.size, crop.size);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType: 'image/jpeg' };
  } finally {
    bitmap.close();
  }
}

import type Application from '@nocobase/server';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { imageKind } from '../domain/text';
import { refuse } from './errors';

export interface DecodedPhoto {
  bytes: Buffer;
  kind: 'jpg' | 'png' | 'webp';
}

/** Photos come as data URLs in the JSON body; only JPEG, PNG and WebP of the allowed size pass. */
export function decodePhotos(input: unknown, maxPhotos: number, maxPhotoKB: number): DecodedPhoto[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw refuse('INVALID_PHOTO', 'Photo {{n}} is not a JPEG, PNG or WebP image', { n: 1 });
  if (input.length > maxPhotos) throw refuse('TOO_MANY_PHOTOS', 'At most {{max}} photos', { max: maxPhotos });
  return input.map((photo, i) => {
    const dataUrl = typeof photo === 'string' ? photo : photo?.dataUrl;
    const match =
      typeof dataUrl === 'string' ? /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl) : null;
    if (!match) throw refuse('INVALID_PHOTO', 'Photo {{n}} is not a JPEG, PNG or WebP image', { n: i + 1 });
    const bytes = Buffer.from(match[1], 'base64');
    if (bytes.length > maxPhotoKB * 1024) {
      throw refuse('PHOTO_TOO_LARGE', 'Photo {{n}} is larger than {{max}} KB', { n: i + 1, max: maxPhotoKB }, 413);
    }
    const kind = imageKind(bytes);
    if (!kind) throw refuse('INVALID_PHOTO', 'Photo {{n}} is not a JPEG, PNG or WebP image', { n: i + 1 });
    return { bytes, kind };
  });
}

/**
 * Stores photos through NocoBase's file manager (its default storage) and returns the attachment
 * ids. Files are named by the file manager, never by the sender.
 */
export async function storePhotos(app: Application, photos: DecodedPhoto[], transaction: any): Promise<number[]> {
  if (!photos.length) return [];
  const fileManager = app.pm.get('file-manager') as any;
  if (!fileManager) return [];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mq-photo-'));
  try {
    const ids: number[] = [];
    for (const [i, photo] of photos.entries()) {
      const filePath = path.join(dir, `${randomBytes(8).toString('hex')}.${photo.kind}`);
      await fs.writeFile(filePath, photo.bytes);
      const record = await fileManager.createFileRecord({
        collectionName: 'attachments',
        filePath,
        values: { title: `photo-${i + 1}` },
        transaction,
      });
      ids.push(Number(record.get('id')));
    }
    return ids;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

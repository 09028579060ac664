/**
 * Outgoing attachments → a zca-js in-memory attachment source. zca-js uploads
 * `{ data: Buffer, filename, metadata }` without touching the disk or needing
 * an image-metadata reader, so no temp file is written.
 */
import type { AttachmentSource } from 'zca-js';
import type { Outgoing } from '../../core/message.js';

export type OutgoingAttachment = NonNullable<Outgoing['attachment']>;
type BufferSource = Exclude<AttachmentSource, string>;

const EXTENSION_BY_MIME: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** zca-js needs a file name with an extension: it picks the upload kind from it. */
export function fileNameFor(name: string, mime: string): `${string}.${string}` {
  const base = name.trim().length > 0 ? name.trim() : 'file';
  const dot = base.lastIndexOf('.');
  if (dot > 0 && dot < base.length - 1) return `${base.slice(0, dot)}.${base.slice(dot + 1)}`;
  return `${base}.${EXTENSION_BY_MIME[mime] ?? 'bin'}`;
}

/** Width and height from a PNG's IHDR chunk; undefined for anything else. */
export function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((byte, i) => data[i] !== byte)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function toAttachmentSource(attachment: OutgoingAttachment): BufferSource {
  const data = Buffer.from(attachment.data.buffer, attachment.data.byteOffset, attachment.data.byteLength);
  const size = attachment.kind === 'image' ? pngSize(attachment.data) : undefined;
  return {
    data,
    filename: fileNameFor(attachment.name, attachment.mime),
    metadata: size ? { totalSize: data.length, ...size } : { totalSize: data.length },
  };
}

/** zca-js sends one image with its caption in a single message; other files go without a caption. */
export function captionFitsAttachment(attachment: OutgoingAttachment, source: BufferSource): boolean {
  return attachment.kind === 'image' && /\.(png|jpe?g|webp)$/i.test(source.filename);
}

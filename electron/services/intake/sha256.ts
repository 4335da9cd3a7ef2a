/** SHA-256 as lowercase hex, of a file's bytes or of a text (as UTF-8). */
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The base64 SHA-256 that an HTML report's CSP names its inline style by (Node's crypto). */
import { createHash } from 'node:crypto';
import type { StyleDigest } from '../../../shared/interop/htmlReport';

export const styleDigest: StyleDigest = (css) => createHash('sha256').update(css, 'utf8').digest('base64');

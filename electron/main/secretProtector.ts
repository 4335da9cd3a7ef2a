/**
 * The operating system's protection for the share password and passphrase (Keychain, DPAPI,
 * libsecret through Electron's safeStorage), or undefined where it is not available (the services
 * then seal them with a key in the data folder).
 */
import { safeStorage } from 'electron';
import type { SecretProtector } from '../services/sync/secretBox';

export function osSecretProtector(): SecretProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os',
    async seal(secret) {
      return `os1:${safeStorage.encryptString(secret).toString('base64')}`;
    },
    async open(sealed) {
      if (!sealed.startsWith('os1:')) throw new Error('not sealed by the operating system');
      return safeStorage.decryptString(Buffer.from(sealed.slice(4), 'base64'));
    },
  };
}

import { createCipheriv, randomBytes } from 'node:crypto';

/**
 * A ciphertext as SecretCipher wrote it before v2 (what databases hold until `reencrypt-secrets`):
 * `v1:<key id>:<iv>:<tag>:<data>`, AES-256-GCM without associated data.
 */
export function legacyCiphertext(plaintext: string, keyId: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', keyId, iv.toString('base64'), tag.toString('base64'), data.toString('base64')].join(':');
}

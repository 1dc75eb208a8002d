import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for tokens and webhook secrets at rest.
 * Format: `v1:<key id>:<iv b64>:<tag b64>:<ciphertext b64>`; the key id lets keys rotate
 * (new writes use the active key, old ciphertexts stay readable while their key is configured).
 */
export class SecretCipher {
  constructor(
    private readonly activeKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {
    if (!keys.get(activeKeyId)) throw new Error(`encryption key "${activeKeyId}" is not configured`);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v1',
      this.activeKeyId,
      iv.toString('base64'),
      tag.toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(ciphertext: string): string {
    const [version, keyId, iv, tag, data] = ciphertext.split(':');
    if (version !== 'v1' || !keyId || !iv || !tag || data === undefined) {
      throw new Error('ciphertext is not in the v1 format');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }

  /** True when the value was written with an older key and should be re-encrypted. */
  needsRotation(ciphertext: string): boolean {
    return ciphertext.split(':')[1] !== this.activeKeyId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`encryption key "${id}" is not configured`);
    return key;
  }
}

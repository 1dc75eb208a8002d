import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Associated data binding a ciphertext to one column of one row, e.g. `workspace_integrations.<id>.access_token`. */
export function secretContext(table: string, rowId: string, column: string): string {
  return `${table}.${rowId}.${column}`;
}

/**
 * AES-256-GCM for tokens and webhook secrets at rest.
 * Format: `v2:<key id>:<iv b64>:<tag b64>:<ciphertext b64>` with the row's `secretContext` as associated
 * data, so a ciphertext copied to another row (or column) does not decrypt there. `v1:` (no associated
 * data) stays readable. The key id lets keys rotate (new writes use the active key, old ciphertexts stay
 * readable while their key is configured).
 */
export class SecretCipher {
  constructor(
    private readonly activeKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {
    if (!keys.get(activeKeyId)) throw new Error(`encryption key "${activeKeyId}" is not configured`);
  }

  /** `context` (see `secretContext`) binds the ciphertext to its row: v2. Without it: v1 (legacy). */
  encrypt(plaintext: string, context?: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.activeKeyId), iv);
    if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      context === undefined ? 'v1' : 'v2',
      this.activeKeyId,
      iv.toString('base64'),
      tag.toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  /** Decrypts v1, or v2 written for the same `context`; anything else throws a clear error. */
  decrypt(ciphertext: string, context?: string): string {
    const [version, keyId, iv, tag, data] = ciphertext.split(':');
    if ((version !== 'v1' && version !== 'v2') || !keyId || !iv || !tag || data === undefined) {
      throw new Error('ciphertext is not in the v1 or v2 format');
    }
    if (version === 'v2' && context === undefined) {
      throw new Error('a v2 ciphertext needs the row it belongs to (associated data) to be decrypted');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    if (version === 'v2' && context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch (error) {
      const where = version === 'v2' ? ` for ${context}` : '';
      throw new Error(
        `could not decrypt the secret${where}: it belongs to another row or column, or was altered`,
        { cause: error },
      );
    }
  }

  /** True when the value should be rewritten: an older key, or v1 (not bound to its row). */
  needsRotation(ciphertext: string): boolean {
    const [version, keyId] = ciphertext.split(':');
    return version !== 'v2' || keyId !== this.activeKeyId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new Error(`encryption key "${id}" is not configured`);
    return key;
  }
}

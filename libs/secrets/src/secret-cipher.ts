import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '#libs/common';

declare const bound: unique symbol;

/** Associated data naming the table, column and row a ciphertext belongs to; made by `secretBinding`. */
export type SecretBinding = string & { readonly [bound]: true };

/** Every column that holds a ciphertext. */
export type SecretColumn =
  'workspace_integrations.access_token_encrypted' | 'workspace_integrations.webhook_secret_encrypted';

/** `workspace_integrations.access_token_encrypted:<row id>`: the row's id must be the real one. */
export function secretBinding(column: SecretColumn, rowId: string): SecretBinding {
  if (!rowId) throw new Error(`a ciphertext of ${column} needs the id of its row`);
  return `${column}:${rowId}` as SecretBinding;
}

/** The binding of workspace_integrations.access_token_encrypted of integration `id`. */
export const accessTokenBinding = (id: string) =>
  secretBinding('workspace_integrations.access_token_encrypted', id);

/** The binding of workspace_integrations.webhook_secret_encrypted of integration `id`. */
export const webhookSecretBinding = (id: string) =>
  secretBinding('workspace_integrations.webhook_secret_encrypted', id);

/**
 * A stored secret that cannot be read here: written for another row or column, altered, or under a key
 * that is not configured. The message names the binding and the key id, never the secret.
 */
export class SecretUnreadableError extends DomainError {
  readonly kind = 'conflict';
}

/** What `open` found: the plaintext, and whether the ciphertext is already bound and under the active key. */
export interface OpenedSecret {
  plaintext: string;
  current: boolean;
}

/**
 * AES-256-GCM for tokens and webhook secrets at rest.
 * - `v2:<key id>:<iv b64>:<tag b64>:<ciphertext b64>` (every write): the row's `SecretBinding` is the
 *   associated data, so a ciphertext copied to another row or column does not decrypt there.
 * - `v1:…` (written before v2, no associated data) stays readable until `reencrypt-secrets` rewrites it.
 * Decryption tries the key the ciphertext names, then every other configured key (the current one and
 * the previous ones), so a key replaced under the same id still opens what it wrote.
 */
export class SecretCipher {
  constructor(
    private readonly activeKeyId: string,
    private readonly keys: ReadonlyMap<string, Buffer>,
  ) {
    if (!keys.get(activeKeyId)) throw new Error(`encryption key "${activeKeyId}" is not configured`);
  }

  encrypt(plaintext: string, binding: SecretBinding): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.activeKeyId) as Buffer, iv);
    cipher.setAAD(Buffer.from(binding, 'utf8'));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      'v2',
      this.activeKeyId,
      iv.toString('base64'),
      tag.toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  decrypt(ciphertext: string, binding: SecretBinding): string {
    return this.open(ciphertext, binding).plaintext;
  }

  /** Decrypts v1, or v2 written for `binding`; `current` is false when it should be rewritten. */
  open(ciphertext: string, binding: SecretBinding): OpenedSecret {
    const [version, keyId, iv, tag, data] = ciphertext.split(':');
    if ((version !== 'v1' && version !== 'v2') || !keyId || !iv || !tag || data === undefined) {
      throw new SecretUnreadableError(`the secret in ${binding} is not in the v1 or v2 format`);
    }
    const named = this.keys.get(keyId);
    const candidates: [string, Buffer][] = named ? [[keyId, named]] : [];
    for (const entry of this.keys) if (entry[0] !== keyId) candidates.push(entry);
    for (const [id, key] of candidates) {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      if (version === 'v2') decipher.setAAD(Buffer.from(binding, 'utf8'));
      try {
        const plain = Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
        return { plaintext: plain.toString('utf8'), current: version === 'v2' && id === this.activeKeyId };
      } catch {
        // not this key (or not this row): try the next one
      }
    }
    throw new SecretUnreadableError(
      `the secret in ${binding} cannot be decrypted: it was written for another row or column, was ` +
        `altered, or its key ("${keyId}") is not configured` +
        (named ? '' : ' (see ENCRYPTION_KEY_PREVIOUS)'),
    );
  }
}

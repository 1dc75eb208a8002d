import { describe, expect, it } from '@jest/globals';
import { legacyCiphertext as legacyV1 } from '../../../test/support/legacy-secret.js';
import { SecretCipher, SecretUnreadableError, secretBinding } from '../src/index.js';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);
const rowA = secretBinding(
  'workspace_integrations.access_token_encrypted',
  '0190a1b2-0000-7000-8000-00000000000a',
);
const rowB = secretBinding(
  'workspace_integrations.access_token_encrypted',
  '0190a1b2-0000-7000-8000-00000000000b',
);
const webhookA = secretBinding(
  'workspace_integrations.webhook_secret_encrypted',
  '0190a1b2-0000-7000-8000-00000000000a',
);

describe('SecretCipher', () => {
  const cipher = new SecretCipher('k1', new Map([['k1', k1]]));

  it('writes v2 bound to its row, never containing the plaintext', () => {
    const sealed = cipher.encrypt('ghp_supersecret', rowA);
    expect(sealed).not.toContain('ghp_supersecret');
    expect(sealed.startsWith('v2:k1:')).toBe(true);
    expect(cipher.open(sealed, rowA)).toEqual({ plaintext: 'ghp_supersecret', current: true });
    expect(cipher.encrypt('x', rowA)).not.toBe(cipher.encrypt('x', rowA));
  });

  it('refuses a ciphertext copied to another row or column, with the binding in the message', () => {
    const sealed = cipher.encrypt('ghp_rowa', rowA);
    expect(() => cipher.decrypt(sealed, rowB)).toThrow(SecretUnreadableError);
    expect(() => cipher.decrypt(sealed, rowB)).toThrow(
      `the secret in ${rowB} cannot be decrypted: it was written for another row or column`,
    );
    expect(() => cipher.decrypt(sealed, webhookA)).toThrow(/written for another row or column/);
    try {
      cipher.decrypt(sealed, rowB);
    } catch (error) {
      expect((error as Error).message).not.toContain('ghp_rowa');
    }
  });

  it('rejects tampered data and unknown formats', () => {
    const parts = cipher.encrypt('token', rowA).split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'), rowA)).toThrow(SecretUnreadableError);
    expect(() => cipher.decrypt('k1:abc:def:ghi', rowA)).toThrow(/not in the v1 or v2 format/);
  });

  it('reads legacy v1 (unbound) and flags it for rewriting', () => {
    const legacy = legacyV1('token', 'k1', k1);
    expect(cipher.open(legacy, rowA)).toEqual({ plaintext: 'token', current: false });
  });

  it('reads ciphertexts of the previous key, under its own id or under the id the new key took over', () => {
    const old = new SecretCipher('k1', new Map([['k1', k1]]));
    const byId = new SecretCipher(
      'k2',
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
    );
    const sameId = new SecretCipher(
      'k1',
      new Map([
        ['(previous)', k1],
        ['k1', k2],
      ]),
    );
    const sealed = old.encrypt('token', rowA);
    expect(byId.open(sealed, rowA)).toEqual({ plaintext: 'token', current: false });
    expect(sameId.open(sealed, rowA)).toEqual({ plaintext: 'token', current: false });
    expect(sameId.open(sameId.encrypt('token', rowA), rowA)).toEqual({ plaintext: 'token', current: true });
    const onlyNew = new SecretCipher('k2', new Map([['k2', k2]]));
    expect(() => onlyNew.decrypt(sealed, rowA)).toThrow(/its key \("k1"\) is not configured/);
  });
});

import { describe, expect, it } from '@jest/globals';
import { SecretCipher, secretContext } from '../src/index.js';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);

describe('SecretCipher', () => {
  it('round-trips and never contains the plaintext', () => {
    const cipher = new SecretCipher('k1', new Map([['k1', k1]]));
    const sealed = cipher.encrypt('ghp_supersecret');
    expect(sealed).not.toContain('ghp_supersecret');
    expect(sealed.startsWith('v1:k1:')).toBe(true);
    expect(cipher.decrypt(sealed)).toBe('ghp_supersecret');
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('reads old ciphertexts after rotation and flags them', () => {
    const old = new SecretCipher('k1', new Map([['k1', k1]]));
    const rotated = new SecretCipher(
      'k2',
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
    );
    const sealed = old.encrypt('token');
    expect(rotated.decrypt(sealed)).toBe('token');
    expect(rotated.needsRotation(sealed)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('token'))).toBe(true); // v1: not bound to its row
    expect(rotated.needsRotation(rotated.encrypt('token', 'ctx'))).toBe(false);
  });

  it('rejects tampered data', () => {
    const cipher = new SecretCipher('k1', new Map([['k1', k1]]));
    const parts = cipher.encrypt('token').split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });

  const rowA = secretContext(
    'workspace_integrations',
    '0190a1b2-0000-7000-8000-00000000000a',
    'access_token',
  );
  const rowB = secretContext(
    'workspace_integrations',
    '0190a1b2-0000-7000-8000-00000000000b',
    'access_token',
  );

  it('binds v2 ciphertexts to their row: copied to another row or column they do not decrypt', () => {
    const cipher = new SecretCipher('k1', new Map([['k1', k1]]));
    const sealed = cipher.encrypt('ghp_rowa', rowA);
    expect(sealed.startsWith('v2:k1:')).toBe(true);
    expect(cipher.decrypt(sealed, rowA)).toBe('ghp_rowa');
    expect(() => cipher.decrypt(sealed, rowB)).toThrow(
      `could not decrypt the secret for ${rowB}: it belongs to another row or column, or was altered`,
    );
    const otherColumn = secretContext('workspace_integrations', '0190a1b2-0000-7000-8000-00000000000a', 'x');
    expect(() => cipher.decrypt(sealed, otherColumn)).toThrow(/belongs to another row or column/);
    expect(() => cipher.decrypt(sealed)).toThrow(/needs the row it belongs to/);
  });

  it('keeps reading v1 and rewrites v1 / old-key ciphertexts as v2 under the active key', () => {
    const old = new SecretCipher('k1', new Map([['k1', k1]]));
    const rotated = new SecretCipher(
      'k2',
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
    );
    const legacy = old.encrypt('token');
    expect(rotated.decrypt(legacy, rowA)).toBe('token'); // v1 ignores the row
    const rewritten = rotated.encrypt(rotated.decrypt(legacy, rowA), rowA);
    expect(rewritten.startsWith('v2:k2:')).toBe(true);
    expect(rotated.needsRotation(rewritten)).toBe(false);
    expect(rotated.needsRotation(old.encrypt('token', rowA))).toBe(true); // old key
    expect(() => old.decrypt(rewritten, rowA)).toThrow('encryption key "k2" is not configured');
  });
});

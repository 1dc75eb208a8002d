import { describe, expect, it } from '@jest/globals';
import { SecretCipher } from '../src/index.js';

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
    expect(rotated.needsRotation(rotated.encrypt('token'))).toBe(false);
  });

  it('rejects tampered data', () => {
    const cipher = new SecretCipher('k1', new Map([['k1', k1]]));
    const parts = cipher.encrypt('token').split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});

export { SecretCipher, secretContext } from './secret-cipher.js';
export { SecretsModule } from './secrets.module.js';

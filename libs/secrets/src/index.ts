export {
  type OpenedSecret,
  SecretCipher,
  type SecretBinding,
  type SecretColumn,
  SecretUnreadableError,
  accessTokenBinding,
  secretBinding,
  webhookSecretBinding,
} from './secret-cipher.js';
export { SecretsModule } from './secrets.module.js';

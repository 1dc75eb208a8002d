import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { SecretCipher } from './secret-cipher.js';

@Global()
@Module({
  providers: [
    {
      provide: SecretCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SecretCipher(config.secrets.activeKeyId, config.secrets.keys),
    },
  ],
  exports: [SecretCipher],
})
export class SecretsModule {}

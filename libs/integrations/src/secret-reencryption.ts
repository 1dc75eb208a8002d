import { Injectable, Logger } from '@nestjs/common';
import { IntegrationCredentialRepository, type SecretField, type StoredSecrets } from '#libs/db';
import {
  type SecretBinding,
  SecretCipher,
  SecretUnreadableError,
  accessTokenBinding,
  webhookSecretBinding,
} from '#libs/secrets';

const PAGE = 200;
const FIELDS: readonly [SecretField, (id: string) => SecretBinding][] = [
  ['accessTokenEncrypted', accessTokenBinding],
  ['webhookSecretEncrypted', webhookSecretBinding],
];

/** What one `reencrypt-secrets` run did, per stored secret. */
export interface ReencryptionReport {
  /** Secrets looked at. */
  scanned: number;
  /** Rewritten as v2 under the active key, bound to their row. */
  rewritten: number;
  /** Already v2 under the active key: left as they are. */
  current: number;
  /** Changed by another writer (a token refresh writes v2) between the read and the rewrite: left. */
  changedMeanwhile: number;
  /** Secrets that do not open for their row: never rewritten (the row's owner must connect again). */
  unreadable: { integrationId: string; field: SecretField; reason: string }[];
}

/**
 * Rewrites every stored secret that is not yet bound to its row (v1) or is under a key other than the
 * active one, so ENCRYPTION_KEY_PREVIOUS / ENCRYPTION_OLD_KEYS can be dropped afterwards. Idempotent: a
 * second run rewrites nothing. Each row is rewritten with compare-and-set, so a concurrent token refresh
 * wins and nothing it wrote is overwritten.
 */
@Injectable()
export class SecretReencryption {
  private readonly logger = new Logger(SecretReencryption.name);

  constructor(
    private readonly credentials: IntegrationCredentialRepository,
    private readonly cipher: SecretCipher,
  ) {}

  async run(): Promise<ReencryptionReport> {
    const report: ReencryptionReport = {
      scanned: 0,
      rewritten: 0,
      current: 0,
      changedMeanwhile: 0,
      unreadable: [],
    };
    let after: string | null = null;
    for (;;) {
      const rows = await this.credentials.listSecrets(after, PAGE);
      for (const row of rows) await this.reencryptRow(row, report);
      if (rows.length < PAGE) break;
      after = (rows[rows.length - 1] as StoredSecrets).id;
    }
    this.logger.log(
      `reencrypt-secrets: ${report.rewritten} rewritten, ${report.current} current, ` +
        `${report.changedMeanwhile} changed meanwhile, ${report.unreadable.length} unreadable`,
    );
    return report;
  }

  private async reencryptRow(row: StoredSecrets, report: ReencryptionReport): Promise<void> {
    const changes: { field: SecretField; from: string; to: string }[] = [];
    for (const [field, bindingOf] of FIELDS) {
      const stored = row[field];
      if (stored === null) continue;
      report.scanned += 1;
      const binding = bindingOf(row.id);
      try {
        const opened = this.cipher.open(stored, binding);
        if (opened.current) report.current += 1;
        else changes.push({ field, from: stored, to: this.cipher.encrypt(opened.plaintext, binding) });
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) throw error;
        this.logger.warn(`integration ${row.id}: ${field} left as it is: ${error.message}`);
        report.unreadable.push({ integrationId: row.id, field, reason: error.message });
      }
    }
    if (changes.length === 0) return;
    if (await this.credentials.replaceSecrets(row.id, changes)) report.rewritten += changes.length;
    else report.changedMeanwhile += changes.length;
  }
}

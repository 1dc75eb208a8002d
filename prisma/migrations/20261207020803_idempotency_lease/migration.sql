-- AlterTable
ALTER TABLE "idempotency_keys" ADD COLUMN     "lease_expires_at" TIMESTAMPTZ(3);

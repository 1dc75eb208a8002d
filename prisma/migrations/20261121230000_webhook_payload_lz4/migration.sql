-- Webhook payloads are several kB of JSON, so Postgres compresses them (TOAST) on every insert. lz4 does
-- that at a fraction of the default pglz's CPU (PostgreSQL 14+ built with lz4: Debian's and the official
-- Docker images are). Prisma's schema does not model column compression, so this only lives here.
ALTER TABLE "github_webhook_events" ALTER COLUMN "payload" SET COMPRESSION lz4;

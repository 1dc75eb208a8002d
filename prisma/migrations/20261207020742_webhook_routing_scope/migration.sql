-- AlterTable
ALTER TABLE "github_installations" ADD COLUMN     "event_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "github_repositories" ADD COLUMN     "identity_event_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "github_repository_syncs" ADD COLUMN     "disabled_reason" TEXT;

-- AlterTable
ALTER TABLE "github_webhook_events" ADD COLUMN     "replay_integration_id" UUID;

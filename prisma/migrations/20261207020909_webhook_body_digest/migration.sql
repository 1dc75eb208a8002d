-- AlterTable
ALTER TABLE "github_webhook_events" ADD COLUMN     "body_digest" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "github_webhook_events_body_digest_key" ON "github_webhook_events"("body_digest");

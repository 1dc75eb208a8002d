-- Every write of a sync job row bumps its `version` (the SSE event id of GET …/sync-jobs/{id}/events):
-- strictly increasing per job whichever code path writes (Prisma updates and raw SQL alike), so a client
-- resuming with Last-Event-ID never misses or repeats a change. Prisma does not model triggers, so they live here.
-- The migration runner splits scripts at every semicolon (even inside quotes), so the function body spells
-- its statement terminators as the escape \073 of an E'' string.
ALTER TABLE "github_sync_jobs" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION github_sync_jobs_bump_version() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN NEW.version := OLD.version + 1\073 RETURN NEW\073 END\073';

CREATE TRIGGER github_sync_jobs_version BEFORE UPDATE ON "github_sync_jobs"
  FOR EACH ROW EXECUTE FUNCTION github_sync_jobs_bump_version();

-- The console overview's "last delivery per connected repository" (stale repositories).
CREATE INDEX "github_webhook_events_repository_github_id_created_at_idx" ON "github_webhook_events"("repository_github_id", "created_at");

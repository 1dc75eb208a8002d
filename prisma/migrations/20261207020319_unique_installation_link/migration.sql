-- One GitHub App installation belongs to at most one workspace (issue 17). Earlier links of an
-- installation that another workspace also holds are dropped first: the oldest connected link stays, the
-- others are marked error (their admins link again, proving access).
UPDATE "workspace_integrations" AS i
SET "installation_id" = NULL,
    "status" = 'error',
    "status_message" = 'the GitHub App installation is linked to another workspace, link it again',
    "updated_at" = now()
FROM (
  SELECT "id", row_number() OVER (
    PARTITION BY "installation_id" ORDER BY ("status" = 'connected') DESC, "created_at", "id"
  ) AS n
  FROM "workspace_integrations"
  WHERE "installation_id" IS NOT NULL
) AS ranked
WHERE ranked."id" = i."id" AND ranked.n > 1;

-- DropIndex
DROP INDEX "workspace_integrations_installation_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "workspace_integrations_installation_id_key" ON "workspace_integrations"("installation_id") WHERE (installation_id IS NOT NULL);

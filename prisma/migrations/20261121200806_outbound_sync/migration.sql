-- AlterTable
ALTER TABLE "github_repository_syncs" ADD COLUMN     "milestone_numbers" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "github_issue_outbound" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "pushed_version" INTEGER NOT NULL DEFAULT 0,
    "dirty_fields" JSONB NOT NULL DEFAULT '{}',
    "pushed_hashes" JSONB NOT NULL DEFAULT '{}',
    "pushed_fingerprints" JSONB NOT NULL DEFAULT '{}',
    "github_hashes" JSONB NOT NULL DEFAULT '{}',
    "repository_sync_id" UUID,
    "create_started_at" TIMESTAMPTZ(3),
    "pending_state" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "last_pushed_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_issue_outbound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_comment_outbound" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "comment_id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "create_started_at" TIMESTAMPTZ(3),
    "pushed_hash" TEXT,
    "edited_after_push" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_comment_outbound_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "github_issue_outbound_issue_id_key" ON "github_issue_outbound"("issue_id");

-- CreateIndex
CREATE INDEX "github_issue_outbound_repository_sync_id_idx" ON "github_issue_outbound"("repository_sync_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_comment_outbound_comment_id_key" ON "github_comment_outbound"("comment_id");

-- CreateIndex
CREATE INDEX "github_comment_outbound_issue_id_idx" ON "github_comment_outbound"("issue_id");

-- AddForeignKey
ALTER TABLE "github_issue_outbound" ADD CONSTRAINT "github_issue_outbound_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_comment_outbound" ADD CONSTRAINT "github_comment_outbound_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "issue_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

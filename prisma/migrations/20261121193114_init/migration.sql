-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('admin', 'member');

-- CreateEnum
CREATE TYPE "IssueState" AS ENUM ('backlog', 'unstarted', 'started', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "IssuePriority" AS ENUM ('none', 'low', 'medium', 'high', 'urgent');

-- CreateEnum
CREATE TYPE "IntegrationAuthKind" AS ENUM ('oauth', 'app', 'token');

-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('connected', 'disconnected', 'error');

-- CreateEnum
CREATE TYPE "SyncDirection" AS ENUM ('from_github', 'to_github', 'bidirectional');

-- CreateEnum
CREATE TYPE "SyncJobStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "SyncTrigger" AS ENUM ('manual', 'periodic', 'webhook', 'connect');

-- CreateEnum
CREATE TYPE "WebhookEventStatus" AS ENUM ('received', 'queued', 'processing', 'processed', 'failed', 'ignored');

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "github_login" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_members" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "token_prefix" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "issue_sequence" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issues" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "sequence_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "state" "IssueState" NOT NULL DEFAULT 'unstarted',
    "priority" "IssuePriority" NOT NULL DEFAULT 'none',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "labels" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issue_labels" (
    "issue_id" UUID NOT NULL,
    "label_id" UUID NOT NULL,

    CONSTRAINT "issue_labels_pkey" PRIMARY KEY ("issue_id","label_id")
);

-- CreateTable
CREATE TABLE "issue_assignees" (
    "issue_id" UUID NOT NULL,
    "github_login" TEXT NOT NULL,
    "user_id" UUID,

    CONSTRAINT "issue_assignees_pkey" PRIMARY KEY ("issue_id","github_login")
);

-- CreateTable
CREATE TABLE "issue_comments" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" UUID,
    "author_login" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "issue_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workspace_integrations" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'github_mcp',
    "auth_kind" "IntegrationAuthKind" NOT NULL,
    "access_token_encrypted" TEXT,
    "token_expires_at" TIMESTAMPTZ(3),
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "github_login" TEXT,
    "github_user_id" BIGINT,
    "installation_id" BIGINT,
    "webhook_secret_encrypted" TEXT,
    "config" JSONB NOT NULL DEFAULT '{}',
    "status" "IntegrationStatus" NOT NULL DEFAULT 'connected',
    "status_message" TEXT,
    "connected_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "workspace_integrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_installations" (
    "id" UUID NOT NULL,
    "installation_id" BIGINT NOT NULL,
    "account_login" TEXT NOT NULL,
    "account_type" TEXT NOT NULL,
    "workspace_integration_id" UUID,
    "suspended_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_installations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_repositories" (
    "id" UUID NOT NULL,
    "workspace_integration_id" UUID NOT NULL,
    "github_id" BIGINT NOT NULL,
    "node_id" TEXT,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "private" BOOLEAN NOT NULL DEFAULT false,
    "default_branch" TEXT,
    "html_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_repositories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_repository_syncs" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "workspace_integration_id" UUID NOT NULL,
    "repository_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "direction" "SyncDirection" NOT NULL DEFAULT 'from_github',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sync_interval_seconds" INTEGER NOT NULL DEFAULT 300,
    "label_filter" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "state_mapping" JSONB NOT NULL DEFAULT '{}',
    "include_comments" BOOLEAN NOT NULL DEFAULT true,
    "include_pull_requests" BOOLEAN NOT NULL DEFAULT true,
    "last_cursor" TIMESTAMPTZ(3),
    "last_synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_repository_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_issue_syncs" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "repository_sync_id" UUID NOT NULL,
    "issue_id" UUID NOT NULL,
    "github_number" INTEGER NOT NULL,
    "github_id" BIGINT,
    "github_url" TEXT NOT NULL,
    "github_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "github_comment_count" INTEGER NOT NULL DEFAULT 0,
    "content_hash" TEXT NOT NULL,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "github_issue_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_comment_syncs" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "issue_sync_id" UUID NOT NULL,
    "comment_id" UUID NOT NULL,
    "github_id" BIGINT NOT NULL,
    "github_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "content_hash" TEXT NOT NULL,
    "last_synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "github_comment_syncs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_pull_requests" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "repository_sync_id" UUID NOT NULL,
    "github_number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "draft" BOOLEAN NOT NULL DEFAULT false,
    "merged" BOOLEAN NOT NULL DEFAULT false,
    "merged_at" TIMESTAMPTZ(3),
    "html_url" TEXT NOT NULL,
    "author_login" TEXT,
    "head_ref" TEXT,
    "base_ref" TEXT,
    "github_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "linked_issue_numbers" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_pull_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_webhook_events" (
    "id" UUID NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "action" TEXT,
    "status" "WebhookEventStatus" NOT NULL DEFAULT 'received',
    "payload" JSONB NOT NULL,
    "result" JSONB,
    "error_message" TEXT,
    "retry_count" INTEGER NOT NULL DEFAULT 0,
    "workspace_integration_id" UUID,
    "installation_id" BIGINT,
    "repository_github_id" BIGINT,
    "queued_at" TIMESTAMPTZ(3),
    "processed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "github_sync_jobs" (
    "id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "workspace_integration_id" UUID NOT NULL,
    "repository_sync_id" UUID,
    "status" "SyncJobStatus" NOT NULL DEFAULT 'queued',
    "direction" "SyncDirection" NOT NULL,
    "trigger" "SyncTrigger" NOT NULL,
    "full" BOOLEAN NOT NULL DEFAULT false,
    "items_total" INTEGER NOT NULL DEFAULT 0,
    "items_synced" INTEGER NOT NULL DEFAULT 0,
    "items_failed" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" JSONB,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "error_message" TEXT,
    "error_details" JSONB,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "github_sync_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "actor_user_id" UUID,
    "actor_token_id" UUID,
    "integration_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_states" (
    "id" UUID NOT NULL,
    "state_hash" TEXT NOT NULL,
    "workspace_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_slug_key" ON "workspaces"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "workspace_members_workspace_id_user_id_key" ON "workspace_members"("workspace_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_workspace_id_idx" ON "api_tokens"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_workspace_id_identifier_key" ON "projects"("workspace_id", "identifier");

-- CreateIndex
CREATE INDEX "issues_workspace_id_project_id_state_idx" ON "issues"("workspace_id", "project_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "issues_project_id_sequence_id_key" ON "issues"("project_id", "sequence_id");

-- CreateIndex
CREATE UNIQUE INDEX "labels_project_id_name_key" ON "labels"("project_id", "name");

-- CreateIndex
CREATE INDEX "issue_labels_label_id_idx" ON "issue_labels"("label_id");

-- CreateIndex
CREATE INDEX "issue_comments_issue_id_created_at_idx" ON "issue_comments"("issue_id", "created_at");

-- CreateIndex
CREATE INDEX "workspace_integrations_installation_id_idx" ON "workspace_integrations"("installation_id");

-- CreateIndex
CREATE UNIQUE INDEX "workspace_integrations_workspace_id_provider_key" ON "workspace_integrations"("workspace_id", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "github_installations_installation_id_key" ON "github_installations"("installation_id");

-- CreateIndex
CREATE INDEX "github_repositories_owner_name_idx" ON "github_repositories"("owner", "name");

-- CreateIndex
CREATE UNIQUE INDEX "github_repositories_workspace_integration_id_github_id_key" ON "github_repositories"("workspace_integration_id", "github_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_repository_syncs_repository_id_key" ON "github_repository_syncs"("repository_id");

-- CreateIndex
CREATE INDEX "github_repository_syncs_workspace_integration_id_idx" ON "github_repository_syncs"("workspace_integration_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_issue_syncs_issue_id_key" ON "github_issue_syncs"("issue_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_issue_syncs_repository_sync_id_github_number_key" ON "github_issue_syncs"("repository_sync_id", "github_number");

-- CreateIndex
CREATE UNIQUE INDEX "github_comment_syncs_comment_id_key" ON "github_comment_syncs"("comment_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_comment_syncs_issue_sync_id_github_id_key" ON "github_comment_syncs"("issue_sync_id", "github_id");

-- CreateIndex
CREATE UNIQUE INDEX "github_pull_requests_repository_sync_id_github_number_key" ON "github_pull_requests"("repository_sync_id", "github_number");

-- CreateIndex
CREATE UNIQUE INDEX "github_webhook_events_delivery_id_key" ON "github_webhook_events"("delivery_id");

-- CreateIndex
CREATE INDEX "github_webhook_events_status_idx" ON "github_webhook_events"("status");

-- CreateIndex
CREATE INDEX "github_webhook_events_created_at_idx" ON "github_webhook_events"("created_at");

-- CreateIndex
CREATE INDEX "github_webhook_events_workspace_integration_id_created_at_idx" ON "github_webhook_events"("workspace_integration_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "github_sync_jobs_job_id_key" ON "github_sync_jobs"("job_id");

-- CreateIndex
CREATE INDEX "github_sync_jobs_workspace_integration_id_status_idx" ON "github_sync_jobs"("workspace_integration_id", "status");

-- CreateIndex
CREATE INDEX "github_sync_jobs_repository_sync_id_status_idx" ON "github_sync_jobs"("repository_sync_id", "status");

-- CreateIndex
CREATE INDEX "github_sync_jobs_created_at_idx" ON "github_sync_jobs"("created_at");

-- CreateIndex
CREATE INDEX "audit_logs_workspace_id_created_at_idx" ON "audit_logs"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "idempotency_keys_workspace_id_key_key" ON "idempotency_keys"("workspace_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_states_state_hash_key" ON "oauth_states"("state_hash");

-- AddForeignKey
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issues" ADD CONSTRAINT "issues_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "labels" ADD CONSTRAINT "labels_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_labels" ADD CONSTRAINT "issue_labels_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_labels" ADD CONSTRAINT "issue_labels_label_id_fkey" FOREIGN KEY ("label_id") REFERENCES "labels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_assignees" ADD CONSTRAINT "issue_assignees_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_comments" ADD CONSTRAINT "issue_comments_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workspace_integrations" ADD CONSTRAINT "workspace_integrations_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_repositories" ADD CONSTRAINT "github_repositories_workspace_integration_id_fkey" FOREIGN KEY ("workspace_integration_id") REFERENCES "workspace_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_repository_syncs" ADD CONSTRAINT "github_repository_syncs_workspace_integration_id_fkey" FOREIGN KEY ("workspace_integration_id") REFERENCES "workspace_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_repository_syncs" ADD CONSTRAINT "github_repository_syncs_repository_id_fkey" FOREIGN KEY ("repository_id") REFERENCES "github_repositories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_repository_syncs" ADD CONSTRAINT "github_repository_syncs_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_issue_syncs" ADD CONSTRAINT "github_issue_syncs_repository_sync_id_fkey" FOREIGN KEY ("repository_sync_id") REFERENCES "github_repository_syncs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_issue_syncs" ADD CONSTRAINT "github_issue_syncs_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_comment_syncs" ADD CONSTRAINT "github_comment_syncs_issue_sync_id_fkey" FOREIGN KEY ("issue_sync_id") REFERENCES "github_issue_syncs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_comment_syncs" ADD CONSTRAINT "github_comment_syncs_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "issue_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_pull_requests" ADD CONSTRAINT "github_pull_requests_repository_sync_id_fkey" FOREIGN KEY ("repository_sync_id") REFERENCES "github_repository_syncs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_sync_jobs" ADD CONSTRAINT "github_sync_jobs_workspace_integration_id_fkey" FOREIGN KEY ("workspace_integration_id") REFERENCES "workspace_integrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "github_sync_jobs" ADD CONSTRAINT "github_sync_jobs_repository_sync_id_fkey" FOREIGN KEY ("repository_sync_id") REFERENCES "github_repository_syncs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

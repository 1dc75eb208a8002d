-- AlterTable
ALTER TABLE "oauth_states" ADD COLUMN     "nonce_hash" TEXT;

-- CreateTable
CREATE TABLE "console_sessions" (
    "id" UUID NOT NULL,
    "session_hash" TEXT NOT NULL,
    "csrf_hash" TEXT NOT NULL,
    "api_token_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "console_signin_links" (
    "id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "api_token_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "console_signin_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "console_sessions_session_hash_key" ON "console_sessions"("session_hash");

-- CreateIndex
CREATE INDEX "console_sessions_api_token_id_idx" ON "console_sessions"("api_token_id");

-- CreateIndex
CREATE INDEX "console_sessions_expires_at_idx" ON "console_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "console_signin_links_code_hash_key" ON "console_signin_links"("code_hash");

-- CreateIndex
CREATE INDEX "console_signin_links_api_token_id_idx" ON "console_signin_links"("api_token_id");

-- AddForeignKey
ALTER TABLE "console_sessions" ADD CONSTRAINT "console_sessions_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "console_signin_links" ADD CONSTRAINT "console_signin_links_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_tokens"("id") ON DELETE CASCADE ON UPDATE CASCADE;

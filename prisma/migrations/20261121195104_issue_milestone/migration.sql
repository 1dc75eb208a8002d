-- AlterTable
ALTER TABLE "issues" ADD COLUMN     "milestone" TEXT;

import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { CommentWithLink, IssueDetailReads, IssueWithRelations } from './read-rows.js';
import type { IssueState } from '#libs/issues';

export interface IssueListQuery {
  workspaceId: string;
  projectId: string;
  state?: IssueState | undefined;
  page: number;
  perPage: number;
}

/** Which page of an issue's comments (oldest first) a detail view shows. */
export interface CommentsPage {
  page: number;
  perPage: number;
}

/** One issue as its detail view shows it: the issue, a page of its comments, what it still owes GitHub. */
export type IssueDetail = IssueDetailReads & { page: CommentsPage };

/**
 * What the issue API answers: a project's issue list, one issue's detail view, one comment with its
 * GitHub link. Every read is one of the pool's prepared statements (reads/read-statements.ts), one per answer.
 */
@Injectable()
export class IssueReadModel {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of the project's live issues by sequence number. */
  list(query: IssueListQuery): Promise<{ items: IssueWithRelations[]; total: number }> {
    return this.prisma.reads.issuePage(query);
  }

  /** The issue of the project with one page of its comments; null when the project has no such issue. */
  async detail(
    workspaceId: string,
    projectId: string,
    issueId: string,
    page: CommentsPage,
  ): Promise<IssueDetail | null> {
    // One statement, so one snapshot: a sync_issue job that finishes meanwhile shows either as still owed
    // beside the fields from before or as done beside the new ones, never as done beside the old fields.
    const view = await this.prisma.reads.issueDetail(
      workspaceId,
      projectId,
      issueId,
      page.page,
      page.perPage,
    );
    return view ? { ...view, page } : null;
  }

  /** One live comment of the issue with its GitHub link; null when the issue has no such comment. */
  comment(issueId: string, commentId: string): Promise<CommentWithLink | null> {
    return this.prisma.reads.comment(issueId, commentId);
  }
}

import { Injectable } from '@nestjs/common';
import { type IssueLinkView, OutboundStateRepository } from '#libs/db';
import { viewContentHash, viewFields } from './github-view.js';
import type { PushContext } from './push-context.js';
import {
  compatible,
  fieldHash,
  type FieldHashes,
  fieldValue,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
} from '#libs/issues';

export interface ReadBackInput {
  /** Fields this job wrote. */
  written: ReadonlySet<OutboundField>;
  /** The local fields as written. */
  local: LocalIssueFields;
  /** GitHub's view read before writing (bidirectional updates), else null. */
  before: LocalIssueFields | null;
  /** The issue was just created (or a lost create adopted): GitHub has nothing but what we wrote. */
  fresh: boolean;
  commentsCreated: number;
  /** Milestone not written on purpose (unknown title): do not compare it. */
  milestoneSkipped: boolean;
}

/**
 * Reads the issue back once after writing (`issue_read get`) and records what GitHub now shows: per field,
 * the hash of its (sanitised) view becomes the echo base, and the link gets the content hash a page will
 * compute, GitHub's `updated_at` and the comment count. A field is only recorded when its view is what we
 * wrote (or unchanged since the pre-write read): an edit someone made on GitHub in between is not
 * mistaken for our echo, and neither are GitHub edits not yet pulled when nothing was read before.
 */
@Injectable()
export class ReadBack {
  constructor(private readonly state: OutboundStateRepository) {}

  async run(ctx: PushContext, issueId: string, link: IssueLinkView, input: ReadBackInput): Promise<number> {
    const { owner, name } = ctx.repoSync.repository;
    const gh = await ctx.client.getIssue(owner, name, link.githubNumber);
    const view = viewFields(gh, ctx.repoSync);
    const bidirectional = ctx.repoSync.direction === 'bidirectional';
    const githubHashes: FieldHashes = {};
    let clean = true;
    for (const field of OUTBOUND_FIELDS) {
      const hash = fieldHash(field, fieldValue(view, field));
      let known: boolean;
      if (field === 'milestone' && input.milestoneSkipped) known = false;
      else if (input.written.has(field)) known = compatible(field, view, input.local);
      else if (input.before) known = fieldHash(field, fieldValue(input.before, field)) === hash;
      else known = input.fresh || !bidirectional;
      if (known) githubHashes[field] = hash;
      else if (field !== 'milestone') clean = false;
    }
    await this.state.recordGithubView(issueId, link.id, {
      githubHashes,
      contentHash: clean ? viewContentHash(view) : undefined,
      githubUpdatedAt: new Date(gh.updated_at),
      // Only our own comments are counted: someone else's new comment still makes the next page fetch them.
      commentCount: link.commentCount + input.commentsCreated,
    });
    return 1;
  }
}

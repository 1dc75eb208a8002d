import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundError, ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  type Actor,
  type AssigneeRef,
  type IssuePatchInput,
  CommentEditRepository,
  IssueEditRepository,
  WriteTargetRepository,
  WorkspaceRepository,
} from '#libs/db';
import { JobName, JobQueue } from '#libs/queue';
import {
  fieldHash,
  type FieldHashes,
  fieldValue,
  type IssuePriority,
  type IssueState,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  writesToGitHub,
} from '#libs/issues';

export interface EditCaller extends Actor {
  workspaceId: string;
}

export interface NewIssueRequest {
  title: string;
  description?: string | undefined;
  state?: IssueState | undefined;
  priority?: IssuePriority | undefined;
  labels?: string[] | undefined;
  /** GitHub logins, or workspace user ids (members map to their GitHub login). */
  assignees?: string[] | undefined;
  milestone?: string | null | undefined;
}

export type IssuePatchRequest = Partial<Omit<NewIssueRequest, 'title'>> & { title?: string | undefined };

/** Whether the edit was handed to a sync_issue job (false: the project does not write to GitHub). */
export interface GitHubSyncNote {
  queued: boolean;
  job_id: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/**
 * Before the first local edit of an issue that came from GitHub, its values are GitHub's view at the last
 * sync: their hashes are the base that tells, later, which fields GitHub changed meanwhile.
 */
function githubBase(fields: LocalIssueFields): FieldHashes {
  const base: FieldHashes = {};
  for (const field of OUTBOUND_FIELDS) base[field] = fieldHash(field, fieldValue(fields, field));
  return base;
}

export function syncIssueJobId(issueId: string, version: number): string {
  return `${JobName.SyncIssue}-${issueId}-v${version}`;
}

/**
 * API side of local edits: validates references, commits the edit with its outbound bookkeeping, then
 * (after the commit) enqueues `sync_issue` when the issue's repository writes to GitHub. The job id carries
 * the outbound version: every edit has its own job, none is lost, and a burst of edits is written once.
 */
@Injectable()
export class IssueEditService {
  private readonly logger = new Logger(IssueEditService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly edits: IssueEditRepository,
    private readonly commentEdits: CommentEditRepository,
    private readonly writeTargets: WriteTargetRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly queue: JobQueue,
  ) {}

  async createIssue(caller: EditCaller, projectId: string, request: NewIssueRequest) {
    await this.requireProject(caller.workspaceId, projectId);
    const target = await this.writeTargets.forProject(projectId);
    const assignees = await this.assignees(caller.workspaceId, request.assignees ?? []);
    const result = await this.edits.createIssue(
      {
        workspaceId: caller.workspaceId,
        projectId,
        title: request.title,
        description: request.description ?? '',
        state: request.state ?? 'unstarted',
        priority: request.priority ?? 'none',
        milestone: request.milestone ?? null,
        labels: request.labels ?? [],
        assignees,
        createdById: caller.userId,
        repositorySyncId: target?.repositorySyncId ?? null,
      },
      caller,
    );
    const github = await this.enqueue(result.issueId, result.version, 'created', target !== null);
    return { issueId: result.issueId, github };
  }

  async updateIssue(caller: EditCaller, projectId: string, issueId: string, request: IssuePatchRequest) {
    const patch: IssuePatchInput = {
      title: request.title,
      description: request.description,
      state: request.state,
      priority: request.priority,
      milestone: request.milestone,
      labels: request.labels,
      assignees:
        request.assignees === undefined
          ? undefined
          : await this.assignees(caller.workspaceId, request.assignees),
    };
    const result = await this.edits.updateIssue(
      { workspaceId: caller.workspaceId, projectId, issueId },
      patch,
      caller,
      githubBase,
    );
    if (!result) throw new NotFoundError(`issue ${issueId} not found`);
    const writes = await this.writes(issueId);
    const github = await this.enqueue(issueId, result.version, 'updated', writes);
    return { issueId, changed: result.changed, github };
  }

  async createComment(caller: EditCaller, projectId: string, issueId: string, body: string) {
    await this.requireIssue(caller.workspaceId, projectId, issueId);
    const { comment, version } = await this.commentEdits.createComment(
      { workspaceId: caller.workspaceId, issueId },
      body,
      caller,
    );
    const github = await this.enqueue(issueId, version, 'comment', await this.writes(issueId));
    return { comment, github };
  }

  async updateComment(
    caller: EditCaller,
    projectId: string,
    issueId: string,
    commentId: string,
    body: string,
  ) {
    await this.requireIssue(caller.workspaceId, projectId, issueId);
    const result = await this.commentEdits.updateComment(
      { workspaceId: caller.workspaceId, issueId, commentId },
      body,
      caller,
    );
    if (!result) throw new NotFoundError(`comment ${commentId} not found`);
    // An edit of a comment already on GitHub is owed like any other (update_issue_comment where the server
    // offers it); where it does not, the pass records a comment_edit_not_writable warning on the issue.
    const github = await this.enqueue(issueId, result.version, 'comment', await this.writes(issueId));
    return { comment: result.comment, github };
  }

  private async writes(issueId: string): Promise<boolean> {
    const target = await this.writeTargets.forIssue(issueId);
    return target !== null && target.enabled && writesToGitHub(target.direction);
  }

  /** After the commit. A failed enqueue loses nothing: the edit stays dirty for the next outbound pass. */
  private async enqueue(
    issueId: string,
    version: number | null,
    reason: 'created' | 'updated' | 'comment',
    writes: boolean,
  ): Promise<GitHubSyncNote> {
    if (version === null || !writes) return { queued: false, job_id: null };
    const jobId = syncIssueJobId(issueId, version);
    try {
      await this.queue.enqueue(JobName.SyncIssue, { issueId, reason }, jobId, {
        delayMs: this.config.githubWrites.debounceMs,
      });
      return { queued: true, job_id: jobId };
    } catch (error) {
      this.logger.warn(
        `could not enqueue ${jobId}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return { queued: false, job_id: null };
    }
  }

  private async assignees(workspaceId: string, refs: string[]): Promise<AssigneeRef[]> {
    if (refs.length === 0) return [];
    const members = await this.edits.members(workspaceId);
    return refs.map((ref) => {
      if (UUID.test(ref)) {
        const member = members.find((m) => m.userId === ref);
        if (!member)
          throw new ValidationError(`assignees: ${ref} is not a member of this workspace`, 'assignees');
        if (!member.githubLogin) {
          throw new ValidationError(`assignees: member ${ref} has no GitHub login`, 'assignees');
        }
        return { login: member.githubLogin, userId: member.userId };
      }
      if (!LOGIN.test(ref))
        throw new ValidationError(`assignees: "${ref}" is not a GitHub login`, 'assignees');
      const member = members.find((m) => m.githubLogin?.toLowerCase() === ref.toLowerCase());
      return { login: member?.githubLogin ?? ref, userId: member?.userId ?? null };
    });
  }

  private async requireProject(workspaceId: string, projectId: string): Promise<void> {
    if (!(await this.workspaces.findProject(workspaceId, projectId))) {
      throw new NotFoundError(`project ${projectId} not found`);
    }
  }

  private async requireIssue(workspaceId: string, projectId: string, issueId: string): Promise<void> {
    const target = await this.edits.findIssue(workspaceId, projectId, issueId);
    if (!target) throw new NotFoundError(`issue ${issueId} not found`);
  }
}

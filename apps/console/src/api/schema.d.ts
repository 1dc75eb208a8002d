/**
 * Generated from the API's OpenAPI document by `npm run console:types` (openapi-typescript).
 * Do not edit: change the API's schemas and regenerate. `npm test` fails when this file is stale.
 */

export interface paths {
  '/api/auth/github/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * GitHub's OAuth redirect back (the browser's, never an API client's)
     * @description Needs the `ghsync_oauth` cookie set by `oauth/authorize`. Answers 303 to `<base>/console/#/connect?oauth=connected&login=<github login>` or `<base>/console/#/connect?oauth_error=<code>` with code `access_denied`, `state_invalid`, `state_expired`, `state_mismatch` (another browser), `code_rejected` or `github_unavailable`; clears the cookie.
     */
    get: operations['OAuthCallbackController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/console/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current console session (same answer as sign-in, same CSRF token) */
    get: operations['ConsoleSessionController_current'];
    put?: never;
    /**
     * Sign in: exchange an API token of the workspace for a session cookie
     * @description An unknown, revoked or expired token and a token of another workspace get the same 401. The body must be JSON.
     */
    post: operations['ConsoleSessionController_create'];
    /** Sign out: deletes the session and clears the cookie (Max-Age=0) */
    delete: operations['ConsoleSessionController_destroy'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/console/session/link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open a single-use sign-in link (npm run cli -- create-signin-link)
     * @description Valid 10 minutes, once. 303 to `<base>/console/` with the session cookie set, or to `<base>/console/?signin_error=link_expired` for an unknown, used or expired code.
     */
    get: operations['ConsoleSessionController_link'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: database, Redis, queues with live workers (503 when not ready) */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers (no dependency checked) */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/github-mcp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * GitHub webhook delivery (signed; committed before the answer, processed by the worker)
     * @description Public: authenticated by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with a configured webhook secret). The delivery is stored and committed before the answer and processed by the worker; a delivery id already received is answered 200 `duplicate` and not processed again. Not rate limited.
     */
    post: operations['WebhookRoute_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/audit-logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description Needs a workspace admin token. */
    get: operations['CredentialsController_auditLogs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/configure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** @description Needs a workspace admin token. */
    patch: operations['ConnectionController_configure'];
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/connect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Needs a workspace admin token. */
    post: operations['ConnectionController_connect'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/credentials/installation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Needs a workspace admin token. */
    put: operations['CredentialsController_installation'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/credentials/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** @description Needs a workspace admin token. */
    put: operations['CredentialsController_token'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/disconnect': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** @description Needs a workspace admin token. */
    delete: operations['ConnectionController_disconnect'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/oauth/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start connecting GitHub with OAuth in the admin's browser
     * @description Navigate the browser here (not fetch): 302 to GitHub with `Set-Cookie: ghsync_oauth=<nonce>; HttpOnly; SameSite=Lax; Path=<prefix>/api/auth/github/; Max-Age=600`. GitHub comes back to `auth/github/callback`, which only completes in this browser and then sends it to the console.
     *
     *     Needs a workspace admin token.
     */
    get: operations['CredentialsController_authorize'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Integration overview: connection, recent jobs, webhooks, write budget */
    get: operations['OverviewController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/repositories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ConnectionController_repositories'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Integration, repositories (last sync, cursor age, current job), current and recent jobs */
    get: operations['SyncController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/status/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live workspace sync status (server-sent events)
     * @description Server-sent events. `event: status`, `id: <n>` (strictly increasing,
     *     milliseconds), `data:` the same JSON as `GET …/status/`, at connect and whenever a job of the workspace changes
     *     (coalesced: at most one event per 250 ms, only when the status differs). `: keep-alive` comments every
     *     SSE_HEARTBEAT_SECONDS (15). A workspace without GitHub connected is a JSON 404 before any streaming.
     */
    get: operations['SyncEventsController_statusEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** @description Needs a workspace admin token. */
    post: operations['SyncController_sync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync-jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sync job history, newest first, filtered */
    get: operations['SyncController_jobs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One sync job: status, counters, progress, rate-limit wait, error */
    get: operations['SyncController_job'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live progress of one sync job (server-sent events)
     * @description Server-sent events. On connect `event: job` with `id: <version>` and `data:` the
     *     job exactly as `GET …/sync-jobs/{job_id}/` (skipped when `Last-Event-ID` ≥ the current version), then one
     *     `job` event per change (ids strictly increasing). When the job is completed, failed or cancelled: the final
     *     `job` event, then `event: end` (`data: {"job_id", "status"}`) and the stream closes. `: keep-alive`
     *     comments every SSE_HEARTBEAT_SECONDS (15). An unknown job is a JSON 404 before any streaming.
     */
    get: operations['SyncEventsController_jobEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhook deliveries of the workspace, newest first */
    get: operations['WebhookEventsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One delivery with its payload, result or error */
    get: operations['WebhookEventsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Process a settled delivery again (409 while it is still queued or processing)
     * @description Needs a workspace admin token.
     */
    post: operations['WebhookEventsController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller: workspace, user with role, and whether the GitHub integration is on */
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Projects of the workspace with their issue counts */
    get: operations['ProjectsController_list'];
    put?: never;
    /**
     * Creates a project; 409 (field identifier) when the identifier is taken
     * @description Needs a workspace admin token.
     */
    post: operations['ProjectsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['IssuesController_list'];
    put?: never;
    post: operations['IssuesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One issue with a page of its comments (oldest first) and its GitHub link */
    get: operations['IssuesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['IssuesController_update'];
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['IssuesController_createComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/workspaces/{slug}/projects/{projectId}/issues/{issueId}/comments/{commentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['IssuesController_updateComment'];
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AuditLogEntry: {
      /** @example repository.connect */
      action: string;
      actor_email: string | null;
      /** Format: uuid */
      actor_token_id: string | null;
      /** Format: uuid */
      actor_user_id: string | null;
      /** Format: date-time */
      created_at: string;
      /** @description what changed (JSON object) */
      details: unknown;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      integration_id: string | null;
      ip_address: string | null;
      target_id: string | null;
      target_type: string | null;
      user_agent: string | null;
    };
    /** @description Audit log of the workspace */
    AuditLogPage: {
      page: number;
      per_page: number;
      results: components['schemas']['AuditLogEntry'][];
      /** @description matching items over all pages */
      total: number;
    };
    CatalogRepository: {
      archived: boolean;
      /** @description mapped to a project and enabled */
      connected: boolean;
      default_branch: string | null;
      description: string | null;
      full_name: string;
      /** @description GitHub repository id (decimal string) */
      github_id: string;
      html_url: string;
      name: string;
      open_issues_count: number;
      owner: string;
      private: boolean;
      /** Format: uuid */
      repository_sync_id: string | null;
      /** @description GitHub's updated_at, as GitHub MCP reports it */
      updated_at: string | null;
    };
    ConnectResponse: {
      /** @description false: the mapping existed and its settings were replaced */
      created: boolean;
      repository: components['schemas']['RepositorySync'];
      sync_job: components['schemas']['ConnectSyncJob'] | null;
    };
    /** @description the first sync job (null: the mapping is disabled) */
    ConnectSyncJob: {
      created: boolean;
      job_id: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
    };
    DisconnectResponse: {
      integration: components['schemas']['Integration'];
      /** @description repository syncs whose schedule was stopped */
      repositories_disabled: number;
      /** @description whether GitHub confirmed revoking the stored OAuth token */
      token_revoked: boolean;
    };
    GitHubOutbound: {
      last_error: string | null;
      /** Format: date-time */
      last_pushed_at: string | null;
      pending_comment_edits: number;
      pending_comments: number;
      /** @description fields edited here and not yet on GitHub */
      pending_fields: ('title' | 'description' | 'state' | 'labels' | 'assignees' | 'milestone')[];
      /**
       * @description a state change GitHub still owes after a partial write
       * @enum {string|null}
       */
      pending_state: 'open' | 'closed:completed' | 'closed:not_planned' | null;
      warnings: components['schemas']['GitHubOutboundWarning'][];
    };
    GitHubOutboundWarning: {
      /** @description milestone_unknown, milestone_not_clearable, body_not_clearable, assignees_rejected or comment_edit_not_writable */
      kind: string;
      message: string;
    } & {
      [key: string]: unknown;
    };
    GitHubSyncNote: {
      job_id: string | null;
      queued: boolean;
    };
    /** @description The workspace's GitHub connection */
    Integration: {
      /** @enum {string} */
      auth_kind: 'oauth' | 'app' | 'token';
      /** Format: date-time */
      created_at: string;
      github_login: string | null;
      /** Format: uuid */
      id: string;
      /** @description GitHub App installation id (decimal string) */
      installation_id: string | null;
      /** @example github_mcp */
      provider: string;
      scopes: string[];
      /** @enum {string} */
      status: 'connected' | 'disconnected' | 'error';
      status_message: string | null;
      /** Format: date-time */
      updated_at: string;
    };
    IntegrationResponse: {
      integration: components['schemas']['Integration'];
    };
    /** @description A workspace issue */
    Issue: {
      assignees: components['schemas']['IssueAssignee'][];
      comment_count: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      description: string;
      /** @description null: not linked to a GitHub issue */
      github: components['schemas']['IssueGitHubLink'] | null;
      /** Format: uuid */
      id: string;
      /** @description label names, sorted */
      labels: string[];
      /** @description GitHub milestone title (null: none); from search_issues, issue_read, webhooks or a local edit */
      milestone: string | null;
      /** @enum {string} */
      priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
      /** Format: uuid */
      project_id: string;
      sequence_id: number;
      /** @enum {string} */
      state: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
      title: string;
      /** Format: date-time */
      updated_at: string;
    };
    IssueAssignee: {
      github_login: string;
      /**
       * Format: uuid
       * @description the workspace member, if the login maps to one
       */
      user_id: string | null;
    };
    IssueComment: {
      /**
       * Format: uuid
       * @description the workspace user who wrote it here
       */
      author_id: string | null;
      /** @description GitHub login of the author (comments from GitHub) */
      author_login: string | null;
      body: string;
      /** Format: date-time */
      created_at: string;
      /** @description GitHub comment id (decimal string) once on GitHub */
      github_comment_id: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      updated_at: string;
    };
    IssueCommentWrite: {
      /**
       * Format: uuid
       * @description the workspace user who wrote it here
       */
      author_id: string | null;
      /** @description GitHub login of the author (comments from GitHub) */
      author_login: string | null;
      body: string;
      /** Format: date-time */
      created_at: string;
      /** @description GitHub comment id (decimal string) once on GitHub */
      github_comment_id: string | null;
      github_sync: components['schemas']['GitHubSyncNote'];
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      updated_at: string;
    };
    IssueCreated: {
      assignees: components['schemas']['IssueAssignee'][];
      comment_count: number;
      /** @description one page of comments, oldest first */
      comments: components['schemas']['IssueComment'][];
      /** @description the next comments_page, null on the last */
      comments_next_page: number | null;
      comments_page: number;
      comments_per_page: number;
      comments_total: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      description: string;
      /** @description null: not linked to a GitHub issue */
      github: components['schemas']['IssueGitHubLink'] | null;
      github_outbound: components['schemas']['GitHubOutbound'];
      github_sync: components['schemas']['GitHubSyncNote'];
      /** Format: uuid */
      id: string;
      /** @description label names, sorted */
      labels: string[];
      /** @description GitHub milestone title (null: none); from search_issues, issue_read, webhooks or a local edit */
      milestone: string | null;
      /** @enum {string} */
      priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
      /** Format: uuid */
      project_id: string;
      sequence_id: number;
      /** @enum {string} */
      state: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
      title: string;
      /** Format: date-time */
      updated_at: string;
    };
    IssueDetail: {
      assignees: components['schemas']['IssueAssignee'][];
      comment_count: number;
      /** @description one page of comments, oldest first */
      comments: components['schemas']['IssueComment'][];
      /** @description the next comments_page, null on the last */
      comments_next_page: number | null;
      comments_page: number;
      comments_per_page: number;
      comments_total: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      description: string;
      /** @description null: not linked to a GitHub issue */
      github: components['schemas']['IssueGitHubLink'] | null;
      github_outbound: components['schemas']['GitHubOutbound'];
      /** Format: uuid */
      id: string;
      /** @description label names, sorted */
      labels: string[];
      /** @description GitHub milestone title (null: none); from search_issues, issue_read, webhooks or a local edit */
      milestone: string | null;
      /** @enum {string} */
      priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
      /** Format: uuid */
      project_id: string;
      sequence_id: number;
      /** @enum {string} */
      state: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
      title: string;
      /** Format: date-time */
      updated_at: string;
    };
    IssueGitHubLink: {
      /** Format: date-time */
      last_synced_at: string;
      number: number;
      /** @example octo-org/octo-repo */
      repository: string;
      /**
       * Format: date-time
       * @description GitHub's updated_at at the last sync
       */
      updated_at: string;
      url: string;
    };
    /** @description Issues of a project */
    IssuePage: {
      page: number;
      per_page: number;
      results: components['schemas']['Issue'][];
      /** @description matching items over all pages */
      total: number;
    };
    IssueUpdated: {
      assignees: components['schemas']['IssueAssignee'][];
      /** @description synced fields whose value changed */
      changed: ('title' | 'description' | 'state' | 'labels' | 'assignees' | 'milestone')[];
      comment_count: number;
      /** @description one page of comments, oldest first */
      comments: components['schemas']['IssueComment'][];
      /** @description the next comments_page, null on the last */
      comments_next_page: number | null;
      comments_page: number;
      comments_per_page: number;
      comments_total: number;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      description: string;
      /** @description null: not linked to a GitHub issue */
      github: components['schemas']['IssueGitHubLink'] | null;
      github_outbound: components['schemas']['GitHubOutbound'];
      github_sync: components['schemas']['GitHubSyncNote'];
      /** Format: uuid */
      id: string;
      /** @description label names, sorted */
      labels: string[];
      /** @description GitHub milestone title (null: none); from search_issues, issue_read, webhooks or a local edit */
      milestone: string | null;
      /** @enum {string} */
      priority: 'none' | 'low' | 'medium' | 'high' | 'urgent';
      /** Format: uuid */
      project_id: string;
      sequence_id: number;
      /** @enum {string} */
      state: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
      title: string;
      /** Format: date-time */
      updated_at: string;
    };
    Overview: {
      /** @description ENABLE_GITHUB_MCP_INTEGRATION */
      enabled: boolean;
      integration: {
        /** @enum {string|null} */
        auth_kind: 'oauth' | 'installation' | 'token' | null;
        /** Format: date-time */
        connected_at: string | null;
        github_login: string | null;
        installation_id: string | null;
        scopes: string[];
        /** @enum {string} */
        status: 'connected' | 'disconnected' | 'error' | 'not_connected';
      };
      /** @description the last 5 jobs, newest first */
      recent_jobs: components['schemas']['SyncJobSummary'][];
      webhooks: {
        failed_24h: number;
        /** Format: date-time */
        last_received_at: string | null;
        processed_24h: number;
        secret_configured: boolean;
        /** @description connected repositories without a delivery for more than 24 h (or never) */
        stale_repositories: {
          full_name: string;
          /** Format: date-time */
          last_delivery_at: string | null;
        }[];
        /** @description where GitHub delivers webhooks (PUBLIC_BASE_URL-aware) */
        url: string;
      };
      write_budget: {
        /** @description GITHUB_WRITE_CONCURRENCY_PER_TOKEN */
        concurrency_per_token: number;
        /** @description GITHUB_WRITES_PER_MINUTE */
        per_minute: number;
        /** @description null when Redis could not be read */
        used_last_minute: number | null;
      };
    };
    Project: {
      /** Format: date-time */
      created_at: string;
      id: string;
      identifier: string;
      issue_count: number;
      name: string;
    };
    ProjectList: {
      results: components['schemas']['Project'][];
    };
    /** @description Repositories of an owner the connected identity can reach */
    RepositoryCatalogPage: {
      /** @description whose repositories were searched */
      owner: string;
      page: number;
      per_page: number;
      results: components['schemas']['CatalogRepository'][];
      /** @description matching items over all pages */
      total: number;
    };
    /** @description A repository mapped to a project, with its sync settings */
    RepositorySync: {
      /** @description its queued or running job */
      current_job: components['schemas']['SyncJobSummary'] | null;
      /** @description seconds since the incremental cursor */
      cursor_age_seconds: number | null;
      /** @enum {string} */
      direction: 'from_github' | 'to_github' | 'bidirectional';
      enabled: boolean;
      /** @example octo-org/octo-repo */
      full_name: string;
      /** @description GitHub repository id (decimal string) */
      github_id: string;
      /**
       * Format: uuid
       * @description repository sync id
       */
      id: string;
      include_comments: boolean;
      include_pull_requests: boolean;
      label_filter: string[];
      /**
       * Format: date-time
       * @description newest GitHub updated_at fully applied
       */
      last_cursor: string | null;
      /** Format: date-time */
      last_synced_at: string | null;
      private: boolean;
      /** Format: uuid */
      project_id: string;
      project_name: string;
      /** @description workspace state of open GitHub issues (empty: the default) */
      state_mapping: {
        /** @enum {string} */
        open?: 'backlog' | 'unstarted' | 'started';
      };
      sync_interval_seconds: number;
    };
    RequestedSyncJob: {
      /** @description false: the job was already queued or running */
      created: boolean;
      job_id: string;
      /** @example octo-org/octo-repo */
      repository: string;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
    };
    /** @description A sync job of a repository, with its progress */
    SyncJob: {
      /** @description resume point written after every page ({phase, after, since, …}), or null */
      checkpoint: unknown;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      cursor: components['schemas']['SyncJobCursor'];
      /** @enum {string} */
      direction: 'from_github' | 'to_github' | 'bidirectional';
      /** @description items synced + failed */
      done: number;
      /** @description details of the last error (JSON), or null */
      error_details: unknown;
      error_message: string | null;
      /** @description same as items_failed */
      failures: number;
      /** @description full resync (ignores the incremental cursor) */
      full: boolean;
      items_failed: number;
      items_fetched: number;
      items_skipped: number;
      items_synced: number;
      items_total: number;
      items_written: number;
      job_id: string;
      /** @description same as error_message */
      last_error: string | null;
      /** @description job metadata (JSON object) */
      metadata: unknown;
      /** @description same as progress */
      percent: number;
      /**
       * @description queued; while running starting, listing or done; then the final status
       * @enum {string}
       */
      phase: 'queued' | 'starting' | 'listing' | 'done' | 'completed' | 'failed' | 'cancelled';
      /** @description percent; 100 only when completed */
      progress: number;
      /**
       * Format: date-time
       * @description while waiting for a GitHub rate limit
       */
      rate_limit_wait_until: string | null;
      /** @description owner/name; null when the repository was disconnected */
      repository: string | null;
      /** Format: uuid */
      repository_sync_id: string | null;
      /** Format: date-time */
      started_at: string | null;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
      /** @description same as items_total */
      total: number;
      /** @enum {string} */
      trigger: 'manual' | 'periodic' | 'webhook' | 'connect';
      /** Format: date-time */
      updated_at: string;
      /** @description bumped on every write of the job; the `id` of its SSE events */
      version: number;
      /** @enum {string|null} */
      wait_reason: 'rate_limit' | null;
      /**
       * Format: date-time
       * @description while waiting for GitHub's rate limit: when it resets
       */
      waiting_until: string | null;
    };
    SyncJobCursor: {
      /** @description list_issues cursor after the last committed page */
      after: string | null;
      /**
       * Format: date-time
       * @description newest GitHub updated_at applied so far
       */
      max_updated_at: string | null;
      /**
       * Format: date-time
       * @description `since` the pass started from (null: full)
       */
      since: string | null;
    };
    /** @description Sync jobs, newest first */
    SyncJobPage: {
      page: number;
      per_page: number;
      results: components['schemas']['SyncJob'][];
      /** @description matching items over all pages */
      total: number;
    };
    SyncJobSummary: {
      /** Format: date-time */
      completed_at: string | null;
      /** Format: date-time */
      created_at: string;
      /** @enum {string} */
      direction: 'from_github' | 'to_github' | 'bidirectional';
      /** @description items synced + failed */
      done: number;
      /** @description same as items_failed */
      failures: number;
      job_id: string;
      /** @description same as error_message */
      last_error: string | null;
      /** @description same as progress */
      percent: number;
      /**
       * @description queued; while running starting, listing or done; then the final status
       * @enum {string}
       */
      phase: 'queued' | 'starting' | 'listing' | 'done' | 'completed' | 'failed' | 'cancelled';
      /** @description owner/name; null when the repository was disconnected */
      repository: string | null;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
      /** @description same as items_total */
      total: number;
      /** @enum {string} */
      trigger: 'manual' | 'periodic' | 'webhook' | 'connect';
    };
    SyncRequestResponse: {
      /** @description the first job's id */
      job_id?: string;
      jobs: components['schemas']['RequestedSyncJob'][];
      /**
       * @description the first job's status
       * @enum {string}
       */
      status?: 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
    };
    SyncStatus: {
      /** @description the queued or running job, if any */
      current_sync_job: components['schemas']['SyncJob'] | null;
      integration: components['schemas']['Integration'];
      recent_jobs: components['schemas']['SyncJob'][];
      repositories: components['schemas']['RepositorySync'][];
    };
    /** @description A webhook delivery of the workspace */
    WebhookEvent: {
      action: string | null;
      /** Format: date-time */
      created_at: string;
      delivery_id: string;
      error_message: string | null;
      /** @example issues */
      event: string;
      /** @description decimal string */
      installation_id: string | null;
      /** Format: date-time */
      processed_at: string | null;
      /** Format: date-time */
      queued_at: string | null;
      /** @description decimal string */
      repository_github_id: string | null;
      /** @description what processing did (JSON), or null */
      result: unknown;
      retry_count: number;
      /** @enum {string} */
      status: 'received' | 'queued' | 'processing' | 'processed' | 'failed' | 'ignored';
      /** Format: date-time */
      updated_at: string;
    };
    WebhookEventDetail: {
      action: string | null;
      /** Format: date-time */
      created_at: string;
      delivery_id: string;
      error_message: string | null;
      /** @example issues */
      event: string;
      /** @description decimal string */
      installation_id: string | null;
      /** @description GitHub's event payload */
      payload: unknown;
      /** Format: date-time */
      processed_at: string | null;
      /** Format: date-time */
      queued_at: string | null;
      /** @description decimal string */
      repository_github_id: string | null;
      /** @description what processing did (JSON), or null */
      result: unknown;
      retry_count: number;
      /** @enum {string} */
      status: 'received' | 'queued' | 'processing' | 'processed' | 'failed' | 'ignored';
      /** Format: date-time */
      updated_at: string;
    };
    /** @description Webhook deliveries */
    WebhookEventPage: {
      page: number;
      per_page: number;
      results: components['schemas']['WebhookEvent'][];
      /** @description matching items over all pages */
      total: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  OAuthCallbackController_callback: {
    parameters: {
      query?: {
        code?: string;
        error?: string;
        state?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the console with the outcome */
      303: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ConsoleSessionController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed in */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description send as X-CSRF-Token on POST/PUT/PATCH/DELETE made with the session cookie (one per session) */
            csrf_token: string;
            /**
             * Format: date-time
             * @description the session ends then (8 h after sign-in, never extended)
             */
            expires_at: string;
            user: {
              email: string;
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'member';
            };
            workspace: {
              name: string;
              slug: string;
            };
          };
        };
      };
      /** @description no valid session cookie */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConsoleSessionController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @description an API token of that workspace (npm run cli -- create-token) */
          token: string;
          /** @description workspace slug */
          workspace: string;
        };
      };
    };
    responses: {
      /** @description signed in; the session cookie is set */
      201: {
        headers: {
          /** @description ghsync_session=<32 random bytes, base64url>; HttpOnly; SameSite=Strict; Path=<prefix>/api/; Max-Age=28800 (+ Secure over HTTPS) */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description send as X-CSRF-Token on POST/PUT/PATCH/DELETE made with the session cookie (one per session) */
            csrf_token: string;
            /**
             * Format: date-time
             * @description the session ends then (8 h after sign-in, never extended)
             */
            expires_at: string;
            user: {
              email: string;
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'member';
            };
            workspace: {
              name: string;
              slug: string;
            };
          };
        };
      };
      /** @description a field is missing or invalid */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a valid API token of this workspace */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the body is not JSON */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConsoleSessionController_destroy: {
    parameters: {
      query?: never;
      header: {
        /** @description the csrf_token of the session */
        'X-CSRF-Token': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out */
      204: {
        headers: {
          /** @description ghsync_session=<32 random bytes, base64url>; HttpOnly; SameSite=Strict; Path=<prefix>/api/; Max-Age=28800 (+ Secure over HTTPS) */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no valid session cookie */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description `csrf_failed`: X-CSRF-Token missing or wrong */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConsoleSessionController_link: {
    parameters: {
      query: {
        code: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the console */
      303: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ready */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
      /** @description not ready or shutting down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description alive */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            checks: {
              database?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              /** @description per queue: workers, workers_required, waiting, active, delayed, failed */
              queues?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
              redis?: {
                error?: string;
                latency_ms?: number;
                /** @enum {string} */
                status?: 'up' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @enum {string} */
            status: 'ok' | 'error' | 'shutting_down';
            uptime_seconds: number;
            /** @example 0.1.0 */
            version: string;
          };
        };
      };
    };
  };
  WebhookRoute_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description GUID of the delivery */
        'X-GitHub-Delivery': string;
        /** @description event name, e.g. issues */
        'X-GitHub-Event': string;
        /** @description sha256=<hex HMAC of the raw body> */
        'X-Hub-Signature-256': string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description GitHub's event payload (up to 25 MB) */
    requestBody: {
      content: {
        'application/json': {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description a delivery id already received: `{status: "duplicate", delivery_id}` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 72d3162e-cc78-11e3-81ab-4c9367dc0958 */
            delivery_id: string;
            /** @enum {string} */
            status: 'queued' | 'duplicate';
          };
        };
      };
      /** @description stored and queued: `{status: "queued", delivery_id}` */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example 72d3162e-cc78-11e3-81ab-4c9367dc0958 */
            delivery_id: string;
            /** @enum {string} */
            status: 'queued' | 'duplicate';
          };
        };
      };
      /** @description missing or malformed X-GitHub-Event / X-GitHub-Delivery, empty body, or malformed JSON (not stored) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing or invalid signature (nothing stored) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description body over 25 MB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description Content-Type is not application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database unavailable: redeliver later (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_auditLogs: {
    parameters: {
      query?: {
        action?: string;
        page?: number;
        per_page?: number;
      };
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditLogPage'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_configure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          direction?: 'from_github' | 'to_github' | 'bidirectional';
          enabled?: boolean;
          include_comments?: boolean;
          include_pull_requests?: boolean;
          label_filter?: string[];
          /** Format: uuid */
          project_id?: string;
          repository: string;
          state_mapping?: {
            /** @enum {string} */
            open: 'backlog' | 'unstarted' | 'started';
          };
          sync_interval_seconds?: number;
        };
      };
    };
    responses: {
      /** @description the mapping with its new settings */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RepositorySync'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_connect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          direction?: 'from_github' | 'to_github' | 'bidirectional';
          enabled?: boolean;
          include_comments?: boolean;
          include_pull_requests?: boolean;
          label_filter?: string[];
          /** Format: uuid */
          project_id: string;
          repository: string;
          state_mapping?: {
            /** @enum {string} */
            open: 'backlog' | 'unstarted' | 'started';
          };
          sync_interval_seconds?: number;
        };
      };
    };
    responses: {
      /** @description the mapping existed: settings replaced */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectResponse'];
        };
      };
      /** @description mapped, with its first sync job */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConnectResponse'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_installation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          account_login?: string;
          installation_id: number | string;
          user_token?: string;
        };
      };
    };
    responses: {
      /** @description linked to the installation */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntegrationResponse'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_token: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          scopes?: string[];
          token: string;
        };
      };
    };
    responses: {
      /** @description connected with the token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IntegrationResponse'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_disconnect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description disconnected */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisconnectResponse'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  CredentialsController_authorize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the GitHub authorization page */
      302: {
        headers: {
          Location?: string;
          /** @description ghsync_oauth=<nonce>; … */
          'Set-Cookie'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description the token is not a workspace admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  OverviewController_overview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the overview (also when GitHub is not connected) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Overview'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ConnectionController_repositories: {
    parameters: {
      query?: {
        owner?: string;
        page?: number;
        per_page?: number;
        q?: string;
      };
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page of search_repositories */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RepositoryCatalogPage'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_status: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the integration, its repositories and sync jobs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncStatus'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncEventsController_statusEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example event: status
           *     id: 1767225600000
           *     data: {"integration":{…},"repositories":[…],…}
           */
          'text/event-stream': string;
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_sync: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @enum {string} */
          direction?: 'from_github' | 'to_github' | 'bidirectional';
          force?: boolean;
          repository?: string;
        };
      };
    };
    responses: {
      /** @description every job was already queued or running */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncRequestResponse'];
        };
      };
      /** @description a new job for at least one repository */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncRequestResponse'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_jobs: {
    parameters: {
      query?: {
        direction?: string[];
        page?: number;
        per_page?: number;
        repository?: string;
        status?: string[];
        trigger?: string[];
      };
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one page of jobs */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncJobPage'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncController_job: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        jobId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the job with its progress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncJob'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  SyncEventsController_jobEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description the last `id` received; resumes after it */
        'Last-Event-ID'?: string;
      };
      path: {
        jobId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example event: job
           *     id: 7
           *     data: {"job_id":"sync-…","status":"running","percent":40,…}
           *
           *     : keep-alive
           *
           *     event: end
           *     data: {"job_id":"sync-…","status":"completed"}
           */
          'text/event-stream': string;
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_list: {
    parameters: {
      query?: {
        event?: string;
        page?: number;
        per_page?: number;
        status?: 'received' | 'queued' | 'processing' | 'processed' | 'failed' | 'ignored';
      };
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deliveries, newest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEventPage'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the delivery with its payload */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEventDetail'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  WebhookEventsController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description queued again */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEvent'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the caller */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description ENABLE_GITHUB_MCP_INTEGRATION: false when the integration routes answer 503 */
            integration_enabled: boolean;
            user: {
              email: string;
              /** Format: uuid */
              id: string;
              name: string;
              /** @enum {string} */
              role: 'admin' | 'member';
            };
            workspace: {
              name: string;
              slug: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ProjectsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the projects, oldest first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProjectList'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  ProjectsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          identifier: string;
          name: string;
        };
      };
    };
    responses: {
      /** @description the new project */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Project'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not a workspace admin, or `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_list: {
    parameters: {
      query?: {
        page?: number;
        per_page?: number;
        state?: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
      };
      header?: never;
      path: {
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description issues of the project */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuePage'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          assignees?: string[];
          description?: string;
          labels?: string[];
          milestone?: string | null;
          /** @enum {string} */
          priority?: 'none' | 'low' | 'medium' | 'high' | 'urgent';
          /** @enum {string} */
          state?: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
          title: string;
        };
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueCreated'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_get: {
    parameters: {
      query?: {
        comments_page?: number;
        comments_per_page?: number;
      };
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the issue with a page of its comments */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueDetail'];
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          assignees?: string[];
          description?: string;
          labels?: string[];
          milestone?: string | null;
          /** @enum {string} */
          priority?: 'none' | 'low' | 'medium' | 'high' | 'urgent';
          /** @enum {string} */
          state?: 'backlog' | 'unstarted' | 'started' | 'done' | 'cancelled';
          title?: string;
        };
      };
    };
    responses: {
      /** @description updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueUpdated'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_createComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          body: string;
        };
      };
    };
    responses: {
      /** @description created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueCommentWrite'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
  IssuesController_updateComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        commentId: string;
        issueId: string;
        projectId: string;
        /** @description workspace slug */
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          body: string;
        };
      };
    };
    responses: {
      /** @description updated */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssueCommentWrite'];
        };
      };
      /** @description invalid input */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description missing, invalid or revoked API token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description `csrf_failed`: the session cookie came without X-CSRF-Token */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description not found (or another workspace) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
      /** @description database or Redis unavailable, or the integration is disabled */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /** @example not_found */
              code: string;
              /** @description the offending input field (400 only) */
              field?: string;
              message: string;
            };
          };
        };
      };
    };
  };
}

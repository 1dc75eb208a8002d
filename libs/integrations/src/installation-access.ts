import { Inject, Injectable } from '@nestjs/common';
import { UnavailableError, ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/** Pages of `GET /user/installations` read at most (100 installations each). */
const MAX_PAGES = 10;

interface InstallationsPage {
  total_count?: unknown;
  installations?: unknown;
}

/**
 * Whether a GitHub user can see an App installation: `GET /user/installations` with the user's token
 * lists the installations on the user's account, on organizations the user belongs to and those the user
 * installed. Minting an installation token with the App's key proves nothing about who asks to link it.
 */
@Injectable()
export class InstallationAccessCheck {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async userSees(userToken: string, installationId: bigint): Promise<boolean> {
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const body = await this.page(userToken, page);
      const items = Array.isArray(body.installations) ? (body.installations as unknown[]) : [];
      if (items.some((item) => idOf(item) === installationId)) return true;
      const total = typeof body.total_count === 'number' ? body.total_count : 0;
      if (items.length < 100 || page * 100 >= total) return false;
    }
    return false;
  }

  private async page(userToken: string, page: number): Promise<InstallationsPage> {
    let response: Response;
    try {
      response = await fetch(
        `${this.config.github.apiBaseUrl}/user/installations?per_page=100&page=${page}`,
        {
          headers: {
            authorization: `Bearer ${userToken}`,
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'github-mcp-sync',
          },
          signal: AbortSignal.timeout(10_000),
        },
      );
    } catch (error) {
      throw new UnavailableError('GitHub could not be asked which installations the user can see', {
        cause: error,
      });
    }
    if (response.status === 401) {
      throw new ValidationError('GitHub rejected the user token (bad credentials)', 'user_token');
    }
    if (response.status === 403 || response.status === 404) {
      throw new ValidationError(
        `GitHub would not list the user's installations with this token (HTTP ${response.status}); ` +
          'use a user access token of the GitHub App',
        'user_token',
      );
    }
    if (!response.ok) {
      throw new UnavailableError(`GitHub answered HTTP ${response.status} to GET /user/installations`);
    }
    return (await response.json()) as InstallationsPage;
  }
}

function idOf(item: unknown): bigint | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? BigInt(id) : undefined;
}

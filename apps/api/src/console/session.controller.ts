import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Post,
  Query,
  Redirect,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiCookieAuth, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import {
  ConsoleSessionService,
  type ConsoleSessionView,
  Public,
  SESSION_COOKIE,
  actorOf,
  readCookie,
} from '#libs/auth';
import { UnauthorizedError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ERROR_SCHEMA } from '../docs/schemas.js';
import { ApiZodBody, ApiZodResponse, zodSchema } from '../docs/zod-openapi.js';
import { parseInput } from '../http/zod-input.js';
import { sessionBody, sessionView } from './console-schemas.js';
import { consoleUrl, setSessionCookie } from './cookies.js';

const COOKIE_HEADER = {
  'Set-Cookie': {
    description: `${SESSION_COOKIE}=<32 random bytes, base64url>; HttpOnly; SameSite=Strict; Path=<prefix>/api/; Max-Age=28800 (+ Secure over HTTPS)`,
    schema: { type: 'string' },
  },
};

const JSON_TYPE = /^application\/json\s*(?:;|$)/i;
const sessionOf = (req: Request) => readCookie(req.headers.cookie, SESSION_COOKIE);

/**
 * Browser sessions of the console: an API token exchanged for an HttpOnly cookie that every API route
 * accepts instead of `Authorization: Bearer` (with `X-CSRF-Token` on POST/PUT/PATCH/DELETE), and the
 * single-use sign-in links of `npm run cli -- create-signin-link`.
 */
@ApiTags('console')
@Controller('console/session')
export class ConsoleSessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: ConsoleSessionService,
  ) {}

  @Post()
  @Public()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign in: exchange an API token of the workspace for a session cookie',
    description:
      'An unknown, revoked or expired token and a token of another workspace get the same 401. The body must be JSON.',
  })
  @ApiZodBody(sessionBody)
  @ApiResponse({
    status: 201,
    description: 'signed in; the session cookie is set',
    schema: zodSchema(sessionView, 'output'),
    headers: COOKIE_HEADER,
  })
  @ApiResponse({ status: 400, description: 'a field is missing or invalid', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 401, description: 'not a valid API token of this workspace', schema: ERROR_SCHEMA })
  @ApiResponse({ status: 415, description: 'the body is not JSON', schema: ERROR_SCHEMA })
  async create(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<ConsoleSessionView> {
    if (req.headers['content-type'] !== undefined && !JSON_TYPE.test(req.headers['content-type'])) {
      throw new UnsupportedMediaTypeException('send the body as application/json');
    }
    const input = parseInput(sessionBody, body);
    const opened = await this.sessions.create(input, actorOf(undefined, req));
    setSessionCookie(req, res, this.config, opened.sessionId);
    return opened.view;
  }

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiCookieAuth('console-session')
  @ApiOperation({ summary: 'The current console session (same answer as sign-in, same CSRF token)' })
  @ApiZodResponse(200, sessionView, 'signed in')
  @ApiResponse({ status: 401, description: 'no valid session cookie', schema: ERROR_SCHEMA })
  async current(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ConsoleSessionView> {
    const view = await this.sessions.current(sessionOf(req));
    if (!view) {
      if (sessionOf(req) !== undefined) setSessionCookie(req, res, this.config, undefined);
      throw new UnauthorizedError('no valid console session');
    }
    return view;
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiCookieAuth('console-session')
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'the csrf_token of the session' })
  @ApiOperation({ summary: 'Sign out: deletes the session and clears the cookie (Max-Age=0)' })
  @ApiResponse({ status: 204, description: 'signed out', headers: COOKIE_HEADER })
  @ApiResponse({ status: 401, description: 'no valid session cookie', schema: ERROR_SCHEMA })
  @ApiResponse({
    status: 403,
    description: '`csrf_failed`: X-CSRF-Token missing or wrong',
    schema: ERROR_SCHEMA,
  })
  async destroy(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.authenticate(sessionOf(req), 'DELETE', req.headers['x-csrf-token']);
    await this.sessions.destroy(sessionOf(req));
    setSessionCookie(req, res, this.config, undefined);
  }

  @Get('link')
  @Public()
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Open a single-use sign-in link (npm run cli -- create-signin-link)',
    description:
      'Valid 10 minutes, once. 303 to `<base>/console/` with the session cookie set, or to `<base>/console/?signin_error=link_expired` for an unknown, used or expired code.',
  })
  @ApiQuery({ name: 'code', required: true, schema: { type: 'string' } })
  @ApiResponse({
    status: 303,
    description: 'to the console',
    headers: { Location: { schema: { type: 'string' } } },
  })
  async link(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query() query: Record<string, unknown>,
  ) {
    const code = typeof query['code'] === 'string' && query['code'].length <= 100 ? query['code'] : '';
    const opened = await this.sessions.redeemSigninLink(code, actorOf(undefined, req));
    if (!opened) return { url: consoleUrl(req, this.config, '?signin_error=link_expired'), statusCode: 303 };
    setSessionCookie(req, res, this.config, opened.sessionId);
    return { url: consoleUrl(req, this.config), statusCode: 303 };
  }
}

// Sign-in, the current session, sign-out, and user administration for national administrators.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../app.ts';
import { AppError } from '../errors.ts';
import { signIn, signOut } from './sessions.ts';
import { AttemptLimiter, SESSION_COOKIE } from './plugin.ts';
import { authorize, permittedActions, requirePrincipal, roleNames, roleLabels, type Principal } from './policy.ts';
import { changePassword, createUser, listUsers } from './users.ts';
import { describeOrganisations } from '../../orgs/index.ts';

const RoleGrantSchema = Type.Object({
  role: Type.Union(roleNames.map((r) => Type.Literal(r))),
  orgCode: Type.Union([Type.String({ minLength: 1, maxLength: 20 }), Type.Null()]),
}, { additionalProperties: false });

const SessionSchema = Type.Object({
  principal: Type.Union([Type.Null(), Type.Object({
    userId: Type.String(), email: Type.String(), displayName: Type.String(),
    roles: Type.Array(Type.Object({
      role: Type.String(), label: Type.String(), orgCode: Type.Union([Type.String(), Type.Null()]),
      orgName: Type.Union([Type.String(), Type.Null()]), orgType: Type.Union([Type.String(), Type.Null()]),
    })),
  })]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String(), { description: 'actions the principal may take somewhere; for navigation only' }),
});

export const authRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const limiter = new AttemptLimiter(deps.config.signInAttemptsPerAddress, 10 * 60_000);

  async function describe(principal: Principal) {
    const orgs = await describeOrganisations(deps.db, principal.roles.map((r) => r.orgCode).filter((c): c is string => !!c));
    return {
      ...principal,
      roles: principal.roles.map((r) => ({
        role: r.role, label: roleLabels[r.role], orgCode: r.orgCode,
        orgName: r.orgCode ? orgs.get(r.orgCode)?.name ?? null : null,
        orgType: r.orgCode ? orgs.get(r.orgCode)?.type ?? (r.role === 'framework_supplier' ? 'supplier' : null) : null,
      })),
    };
  }

  app.get('/session', {
    schema: { tags: ['session'], summary: 'Who is signed in, with the CSRF token for state-changing requests', response: { 200: SessionSchema } },
  }, async (request) => {
    if (!request.principal) return { principal: null, csrfToken: null, expiresAt: null, permissions: permittedActions(null) };
    return { principal: await describe(request.principal), csrfToken: request.csrfToken, expiresAt: null, permissions: permittedActions(request.principal) };
  });

  app.post('/session', {
    schema: {
      tags: ['session'], summary: 'Sign in with email and password',
      body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 200: SessionSchema },
    },
  }, async (request, reply) => {
    if (!limiter.take(request.ip)) throw new AppError('rate_limited', 'Too many sign-in attempts from this address. Wait 10 minutes and try again.');
    const { email, password } = request.body as { email: string; password: string };
    const session = await signIn(deps.db, email, password, deps.config.sessionTtlMinutes);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'strict',
      maxAge: deps.config.sessionTtlMinutes * 60,
    });
    return { principal: await describe(session.principal), csrfToken: session.csrfToken, expiresAt: session.expiresAt, permissions: permittedActions(session.principal) };
  });

  app.delete('/session', { schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null() } } }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    await signOut(deps.db, request.sessionToken!, principal);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.put('/account/password', {
    schema: {
      tags: ['session'], summary: 'Change your own password (ends your other sessions)',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    const body = request.body as { currentPassword: string; newPassword: string };
    await changePassword(deps.db, principal, body.currentPassword, body.newPassword, request.sessionToken!);
    return reply.code(204).send();
  });

  app.get('/users', {
    schema: { tags: ['users'], summary: 'All accounts (national administrators)' },
  }, async (request) => {
    authorize(request.principal, 'users:manage');
    return { users: await listUsers(deps.db) };
  });

  app.post('/users', {
    schema: {
      tags: ['users'], summary: 'Create an account (national administrators)',
      body: Type.Object({
        email: Type.String({ minLength: 3, maxLength: 320 }), displayName: Type.String({ minLength: 1, maxLength: 200 }),
        password: Type.String({ minLength: 1, maxLength: 256 }), roles: Type.Array(RoleGrantSchema, { maxItems: 20 }),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    authorize(request.principal, 'users:manage');
    const user = await createUser(deps.db, request.body as any, request.principal);
    return reply.code(201).send(user);
  });
};

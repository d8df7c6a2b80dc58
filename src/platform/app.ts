// Builds the Fastify application from its dependencies: security headers, cookies, the auth hook,
// OpenAPI at /api/docs, problem-details errors, every feature's routes, and the built web app.
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { JobQueue } from './jobs.ts';
import { authPlugin } from './auth/plugin.ts';
import { errorHandler, sendProblem } from './http/problem.ts';
import { features } from './features.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  jobs: JobQueue;
  version: string;
}

export interface AppOptions {
  /** Folder of the built web app (index.html and assets); null serves the API only. */
  webRoot?: string | null;
}

export async function buildApp(deps: AppDeps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
  });
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"], connectSrc: ["'self'"], frameAncestors: ["'none'"], formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.cookieSecure ? undefined : false,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'wcc API', version: deps.version, description: 'World Class Commissioning platform. Errors are RFC 9457 problem details.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wcc_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db: deps.db });

  for (const f of features) await app.register(f.plugin, { prefix: f.prefix, deps });

  const webRoot = opts.webRoot ?? null;
  const hasWeb = webRoot !== null && existsSync(join(webRoot, 'index.html'));
  // wildcard: files are looked up on disk per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // A missing asset is a 404, never the app's HTML (a browser would refuse it as a module script).
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !hasWeb || request.method !== 'GET') {
      return sendProblem(reply, request, 404, `There is nothing at ${request.method} ${request.url.split('?')[0]}.`);
    }
    // The single-page app answers every other GET; it shows its own "page not found".
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}

// Cycles: open (national), amend the timetable (national), list, overview, and SHA reopenings.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import { clockOf } from './clock.ts';
import { amendTimetable, cycleOverview, listCycles, openCycle, reopenSelfAssessment, type OpenCycleInput } from './cycle-service.ts';
import { CycleParams, OpenCycleBody, PctParams, ReopenBody, TimetableSchema } from './schemas.ts';
import { phaseAt, type Timetable } from './timetable.ts';
import { listFrameworkVersions } from './repo.ts';
import { cycleFramework, getCycle } from './cycle-repo.ts';

export const cycleRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = clockOf(deps);
  const tags = ['assurance'];

  app.get('/assurance/cycles', { schema: { tags, summary: 'Assurance cycles with their phase now' } }, async () => {
    const cycles = await listCycles(deps.db);
    return { cycles: cycles.map((c) => ({ ...c, phase: phaseAt(c.timetable, now()) })), now: now().toISOString() };
  });

  app.get('/assurance/frameworks', { schema: { tags, summary: 'Stored framework versions' } }, async (request) => {
    requirePrincipal(request.principal);
    return { frameworks: await listFrameworkVersions(deps.db) };
  });

  app.post('/assurance/cycles', { schema: { tags, summary: 'Open a cycle (national administrator)', body: OpenCycleBody } }, async (request, reply) => {
    const cycle = await openCycle(deps.db, request.principal, request.body as OpenCycleInput);
    return reply.code(201).send(cycle);
  });

  app.get('/assurance/cycles/:cycle', { schema: { tags, summary: 'A cycle, its phase and the PCTs you work on', params: CycleParams } }, async (request) => {
    requirePrincipal(request.principal);
    return cycleOverview(deps.db, request.principal, (request.params as { cycle: string }).cycle, now());
  });

  app.put('/assurance/cycles/:cycle/timetable', { schema: { tags, summary: 'Amend the timetable (national administrator; audited)', params: CycleParams, body: TimetableSchema } },
    async (request) => amendTimetable(deps.db, request.principal, (request.params as { cycle: string }).cycle, request.body as Timetable));

  app.post('/assurance/cycles/:cycle/pcts/:org/reopenings', { schema: { tags, summary: 'Reopen a PCT\'s self-assessment after the deadline (SHA; audited)', params: PctParams, body: ReopenBody } },
    async (request, reply) => {
      const { cycle, org } = request.params as { cycle: string; org: string };
      return reply.code(201).send(await reopenSelfAssessment(deps.db, request.principal, cycle, org, request.body as { reason: string; until: string }, now()));
    });

  app.get('/assurance/cycles/:cycle/framework', { schema: { tags, summary: 'The framework the cycle uses: competencies, descriptors, governance, survey', params: CycleParams } },
    async (request) => cycleFramework(deps.db, await getCycle(deps.db, (request.params as { cycle: string }).cycle)));

  app.get('/assurance/now', { schema: { tags, summary: 'The time the assurance rules are judged at', response: { 200: Type.Object({ now: Type.String() }) } } },
    async () => ({ now: now().toISOString() }));
};

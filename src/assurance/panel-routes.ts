// Panels: assignment (SHA), conflicts, independent scoring, agreed scores (chair); calibration and
// moderation (national).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { clockOf } from './clock.ts';
import { assignPanel, declareConflict, getPanel, recordAgreed, saveMyScores } from './panel-service.ts';
import { calibrationView, moderate } from './calibration-service.ts';
import { AgreedBody, ConflictBody, CycleParams, ModerateBody, PanelAssignBody, PanelScoresBody, PctParams } from './schemas.ts';
import type { PanelItem } from './panel-items.ts';

export const panelRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = clockOf(deps);
  const tags = ['assurance panel'];
  type P = { cycle: string; org: string };

  app.get('/assurance/cycles/:cycle/pcts/:org/panel', { schema: { tags, summary: 'Panel members, scores you may see, agreed scores, inter-rater agreement', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return getPanel(deps.db, request.principal, cycle, org); });

  app.put('/assurance/cycles/:cycle/pcts/:org/panel', { schema: { tags, summary: 'Assign panel members and the chair (SHA assurance lead)', params: PctParams, body: PanelAssignBody } },
    async (request) => {
      const { cycle, org } = request.params as P;
      return assignPanel(deps.db, request.principal, cycle, org, (request.body as { members: { email: string; chair: boolean }[] }).members);
    });

  app.put('/assurance/cycles/:cycle/pcts/:org/panel/conflict', { schema: { tags, summary: 'Declare conflicts of interest (none, or declared: then you do not score)', params: PctParams, body: ConflictBody } },
    async (request) => {
      const { cycle, org } = request.params as P;
      return declareConflict(deps.db, request.principal, cycle, org, request.body as { conflict: 'none' | 'declared'; note: string }, now());
    });

  app.put('/assurance/cycles/:cycle/pcts/:org/panel/my-scores', { schema: { tags, summary: 'Save your own scores; submit: true locks them and shows colleagues\' scores', params: PctParams, body: PanelScoresBody } },
    async (request) => {
      const { cycle, org } = request.params as P;
      const b = request.body as { items: PanelItem[]; submit: boolean };
      return saveMyScores(deps.db, request.principal, cycle, org, b.items, b.submit, now());
    });

  app.put('/assurance/cycles/:cycle/pcts/:org/agreed', { schema: { tags, summary: 'Record the agreed level / RAG with rationale (chair)', params: PctParams, body: AgreedBody } },
    async (request) => {
      const { cycle, org } = request.params as P;
      return recordAgreed(deps.db, request.principal, cycle, org, (request.body as { items: PanelItem[] }).items, now());
    });

  app.get('/assurance/cycles/:cycle/calibration', { schema: { tags, summary: 'Distributions by SHA × competency; lenient or harsh SHAs given self-assessment and outcomes', params: CycleParams } },
    async (request) => calibrationView(deps.db, request.principal, (request.params as { cycle: string }).cycle));

  app.post('/assurance/cycles/:cycle/pcts/:org/moderations', { schema: { tags, summary: 'Moderate an agreed score, with a reason (national)', params: PctParams, body: ModerateBody } },
    async (request, reply) => {
      const { cycle, org } = request.params as P;
      const b = request.body as { item: PanelItem; reason: string };
      return reply.code(201).send(await moderate(deps.db, request.principal, cycle, org, b.item, b.reason, now()));
    });
};

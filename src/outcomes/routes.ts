// Local outcomes of a PCT (prefix /api/orgs): the selection and trajectories of a cycle, stretch
// proposals, the workflow steps (save, submit, return, approve, comment) and progress.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { loadCatalogue, syncCatalogue } from '../analytics/indicators/index.ts';
import { advance, comment, readOutcomes, resolveCycle, saveChoices, type ChoiceInput } from './selection-service.ts';
import { stretchProposals } from './stretch-service.ts';
import { pctProgress } from './progress-service.ts';
import { findArea } from './profile-service.ts';
import { authorize } from '../platform/auth/policy.ts';
import { shaOf } from '../orgs/index.ts';
import { ChoicesBody, CodeParams, CommentBody, CycleQuery, NoteBody, ProposalQuery } from './schemas.ts';

type Code = { code: string };
type Cycle = { cycle?: string };

export const outcomeOrgRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  let synced: Promise<void> | null = null;
  app.addHook('onRequest', async () => {
    synced ??= syncCatalogue(db, loadCatalogue()).catch((err) => { synced = null; throw err; });
    await synced;
  });
  const org = async (code: string) => (await findArea(db, code)).code;
  const year = async (q: Cycle) => (await resolveCycle(db, q.cycle)).year;

  app.get('/:code/outcomes', { schema: { tags: ['outcomes'], summary: 'The local outcomes a PCT chose for a cycle, with trajectories and comments', params: CodeParams, querystring: CycleQuery } },
    async (req) => readOutcomes(db, req.principal, await org((req.params as Code).code), (req.query as Cycle).cycle));

  app.get('/:code/outcomes/proposals', { schema: { tags: ['outcomes'], summary: 'Stretch-target proposals for one indicator', params: CodeParams, querystring: ProposalQuery } },
    async (req) => {
      const code = await org((req.params as Code).code);
      authorize(req.principal, 'org-data:read', { orgCode: code, shaCode: await shaOf(db, code) });
      const q = req.query as { cycle?: string; indicator: string };
      return stretchProposals(db, code, q.indicator, await resolveCycle(db, q.cycle));
    });

  app.put('/:code/outcomes', { schema: { tags: ['outcomes'], summary: 'Save the chosen outcomes and trajectories (draft)', params: CodeParams, querystring: CycleQuery, body: ChoicesBody } },
    async (req) => saveChoices(db, req.principal, await org((req.params as Code).code), await year(req.query as Cycle), (req.body as { choices: ChoiceInput[] }).choices));

  for (const step of ['submit', 'return', 'approve'] as const) {
    app.post(`/:code/outcomes/${step}`, { schema: { tags: ['outcomes'], summary: `${step[0].toUpperCase()}${step.slice(1)} the selection`, params: CodeParams, querystring: CycleQuery, body: CommentBody } },
      async (req) => advance(db, req.principal, await org((req.params as Code).code), await year(req.query as Cycle), step, (req.body as { comment?: string } | undefined)?.comment ?? ''));
  }

  app.post('/:code/outcomes/comments', { schema: { tags: ['outcomes'], summary: 'Comment on the selection', params: CodeParams, querystring: CycleQuery, body: NoteBody } },
    async (req) => comment(db, req.principal, await org((req.params as Code).code), await year(req.query as Cycle), (req.body as { body: string }).body));

  app.get('/:code/outcomes/progress', { schema: { tags: ['outcomes'], summary: 'Progress of each chosen outcome against its trajectory', params: CodeParams, querystring: CycleQuery } },
    async (req) => pctProgress(db, req.principal, await org((req.params as Code).code), (req.query as Cycle).cycle));
};

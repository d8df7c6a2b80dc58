// Writes the demo board paper of 5C2 to a PDF file on a throwaway database (for looking at it):
// node --import tsx src/investment/render-demo-paper.ts out.pdf
import { writeFileSync } from 'node:fs';
import { startTestApp } from '../platform/testing/test-app.ts';
import { seedInvestmentDemo } from './seed.ts';

const out = process.argv[2] ?? 'board-paper.pdf';
const t = await startTestApp();
try {
  await seedInvestmentDemo(t.database.db);
  const headers = await t.signIn('board@wcc.example');
  const { rows } = await t.database.db.query(`SELECT id FROM investment_rounds WHERE org_code = '5C2' ORDER BY id LIMIT 1`);
  const res = await t.app.inject({ method: 'GET', url: `/api/investment/rounds/${rows[0].id}/board-paper.pdf`, headers });
  if (res.statusCode !== 200) throw new Error(res.body);
  writeFileSync(out, res.rawPayload);
  console.log(`wrote ${out} (${res.rawPayload.length} bytes)`);
} finally {
  await t.stop();
}

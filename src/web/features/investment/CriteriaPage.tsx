// Criteria and swing weights for a round: give the most important swing 100 points and the others
// points relative to it; the server turns points into weights.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { BackLink } from '../../components/BackLink.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Input } from '../../components/Input.tsx';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { investmentApi } from './api.ts';
import { useAction } from './use-action.ts';

interface Row { code: string; name: string; swingPoints: string }
const blank: Row = { code: '', name: '', swingPoints: '' };

export function CriteriaPage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const navigate = useNavigate();
  const loaded = useApi((a) => investmentApi.round(a, id), [id]);
  const [rows, setRows] = useState<Row[]>([blank]);
  const action = useAction();
  useEffect(() => {
    if (loaded.state === 'ready' && loaded.data.criteria.length) setRows(loaded.data.criteria.map((c) => ({ code: c.code, name: c.name, swingPoints: String(c.swingPoints) })));
  }, [loaded.state]);
  const set = (i: number, k: keyof Row) => (v: string) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const criteria = rows.filter((r) => r.code || r.name).map((r) => ({ code: r.code.trim().toLowerCase(), name: r.name.trim(), swingPoints: Number(r.swingPoints) }));
    if (await action.run(() => investmentApi.setCriteria(api, id, { criteria }))) navigate(`/investment/rounds/${id}`);
  }
  return (
    <Page title="Criteria and swing weights">
      <BackLink href={`/investment/rounds/${id}`} text="Back to the round" />
      <h1>Criteria and swing weights</h1>
      <p>Imagine each criterion going from its worst to its best plausible level. Give the swing that matters most 100 points, and each other swing points for how much it matters compared with that one.</p>
      <form onSubmit={submit} noValidate>
        {action.problem && <ErrorSummary errorList={[{ text: action.problem }, ...Object.entries(action.errors).map(([k, v]) => ({ text: `${k}: ${v}` }))]} />}
        {rows.map((r, i) => (
          <fieldset key={i} className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Criterion {i + 1}</legend>
            <Input id={`criterion-code-${i}`} name={`code${i}`} label={{ text: 'Code' }} hint={{ text: 'lower case, e.g. health-gain' }} value={r.code} onChange={set(i, 'code')} classes="nhsuk-input--width-20" />
            <Input id={`criterion-name-${i}`} name={`name${i}`} label={{ text: 'Name' }} value={r.name} onChange={set(i, 'name')} />
            <Input id={`criterion-points-${i}`} name={`points${i}`} label={{ text: 'Swing points (0–100)' }} value={r.swingPoints} onChange={set(i, 'swingPoints')} classes="nhsuk-input--width-3" inputmode="numeric" />
          </fieldset>
        ))}
        <Button text="Add another criterion" type="button" variant="secondary" onClick={() => setRows((rs) => [...rs, blank])} />{' '}
        <Button text="Save criteria" disabled={action.busy} />
      </form>
    </Page>
  );
}

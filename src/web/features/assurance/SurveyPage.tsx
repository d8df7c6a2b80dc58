// /survey/:token: a stakeholder answers the 360° survey through their one-time link, with no account. The
// answers are anonymous; the link works once.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Page } from '../../app/page.tsx';
import { useApi } from '../../app/use-api.ts';
import { useSession } from '../../app/session.tsx';
import { Button } from '../../components/Button.tsx';
import { LoadingPage } from '../../pages/LoadingPage.tsx';
import { ApiError } from '../../api/client.ts';
import { ActionOutcome, useAction } from './shared.tsx';

interface Form { orgName: string; year: string; groupTitle: string; open: boolean; scale: { min: number; max: number; labels: string[]; allowDontKnow: boolean }; items: { id: string; kind: string; text: string }[] }

export function SurveyPage() {
  const { token = '' } = useParams();
  const { api } = useSession();
  const loaded = useApi((a) => a.request<Form>('GET', `/survey/${encodeURIComponent(token)}`), [token]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const action = useAction();
  if (loaded.state === 'loading') return <Page title="Stakeholder survey" loading><LoadingPage /></Page>;
  if (loaded.state === 'error') {
    const used = loaded.error instanceof ApiError && loaded.error.status === 409;
    return <Page title="Stakeholder survey"><h1>{used ? 'This link has already been used' : 'This survey link is not valid'}</h1><p>{loaded.error.problem.detail}</p></Page>;
  }
  const f = loaded.data;
  if (sent) return <Page title="Thank you"><h1>Thank you</h1><p>Your answers about {f.orgName} have been received. They are anonymous and this link cannot be used again.</p></Page>;
  const values = Array.from({ length: f.scale.max - f.scale.min + 1 }, (_, i) => f.scale.min + i);
  return (
    <Page title="Stakeholder survey">
      <span className="nhsuk-caption-l">World Class Commissioning {f.year} · {f.groupTitle}</span>
      <h1>How well does {f.orgName} commission?</h1>
      <p>Your answers are anonymous: they are stored without your name, and results are shown only for groups where at least five people answered.</p>
      {!f.open && <p><strong>The survey is closed.</strong></p>}
      <ActionOutcome action={action} />
      <form noValidate onSubmit={async (e) => {
        e.preventDefault();
        const body = { answers: f.items.map((i) => (i.kind === 'likert' ? { itemId: i.id, value: answers[i.id] ? (answers[i.id] === 'dk' ? null : Number(answers[i.id])) : null } : { itemId: i.id, text: answers[i.id] ?? '' })) };
        if (await action.run(() => api.request('POST', `/survey/${encodeURIComponent(token)}`, body))) setSent(true);
      }}>
        {f.items.map((i) => i.kind === 'likert' ? (
          <div className="nhsuk-form-group" key={i.id}>
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{i.text}</legend>
              <div className="nhsuk-radios nhsuk-radios--inline">
                {[...values.map((v) => ({ v: String(v), label: f.scale.labels[v - f.scale.min] ?? String(v) })), ...(f.scale.allowDontKnow ? [{ v: 'dk', label: "Don't know" }] : [])].map((o) => (
                  <div className="nhsuk-radios__item" key={o.v}>
                    <input className="nhsuk-radios__input" id={`${i.id}-${o.v}`} name={i.id} type="radio" value={o.v} checked={answers[i.id] === o.v} onChange={() => setAnswers({ ...answers, [i.id]: o.v })} />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${i.id}-${o.v}`}>{o.label}</label>
                  </div>))}
              </div>
            </fieldset>
          </div>
        ) : (
          <div className="nhsuk-form-group" key={i.id}>
            <label className="nhsuk-label" htmlFor={`text-${i.id}`}>{i.text}</label>
            <textarea className="nhsuk-textarea" id={`text-${i.id}`} rows={3} value={answers[i.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [i.id]: e.target.value })} />
          </div>
        ))}
        <Button type="submit" text="Send my answers" disabled={action.busy || !f.open} />
      </form>
    </Page>
  );
}

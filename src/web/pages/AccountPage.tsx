// Your account: who you are, your roles and organisations, and changing your password.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { changePassword } from '../api/endpoints.ts';
import { AppLink } from '../components/AppLink.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Input } from '../components/Input.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { Table } from '../components/Table.tsx';
import { Page } from '../app/page.tsx';
import { orgHref, DEFAULT_AS_OF } from '../app/as-of.ts';
import { orgTypeLabels } from '../app/format.ts';
import { fieldMessage } from '../app/field-message.ts';
import { useSession } from '../app/session.tsx';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

export function AccountPage() {
  const { api, session, actingFor } = useSession();
  const principal = session!.principal!;
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const set = (f: Field) => (v: string) => setValues((s) => ({ ...s, [f]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) errs.currentPassword = 'Enter your current password';
    if (!values.newPassword) errs.newPassword = 'Enter a new password';
    else if (values.newPassword !== values.confirmPassword) errs.confirmPassword = 'The new passwords do not match';
    setErrors(errs);
    setProblem(null);
    setChanged(false);
    if (Object.keys(errs).length) return;
    try {
      await changePassword(api, values.currentPassword, values.newPassword);
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setChanged(true);
    } catch (err) {
      const ae = err instanceof ApiError ? err : null;
      const fe = ae?.fieldErrors() ?? {};
      if (fe.currentPassword || fe.newPassword) {
        setErrors({
          currentPassword: fe.currentPassword && fieldMessage('Current password', fe.currentPassword),
          newPassword: fe.newPassword && fieldMessage('New password', fe.newPassword),
        });
      }
      else setProblem(ae?.problem.detail ?? 'Your password was not changed. Try again.');
    }
  }

  const errorList = [
    ...(problem ? [{ href: '#current-password', text: problem }] : []),
    ...([['currentPassword', 'current-password'], ['newPassword', 'new-password'], ['confirmPassword', 'confirm-password']] as const)
      .filter(([f]) => errors[f]).map(([f, id]) => ({ href: `#${id}`, text: errors[f]! })),
  ];

  return (
    <Page title={errorList.length ? 'Error: Your account' : 'Your account'}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {errorList.length > 0 && <ErrorSummary errorList={errorList} />}
          {changed && <NotificationBanner type="success"><p className="nhsuk-notification-banner__heading">Your password has been changed. Your other sessions have been signed out.</p></NotificationBanner>}
          <h1>Your account</h1>
          <SummaryList rows={[
            { key: { text: 'Name' }, value: { text: principal.displayName } },
            { key: { text: 'Email address' }, value: { text: principal.email } },
            { key: { text: 'Acting for' }, value: { text: actingFor ? `${actingFor.orgName} (${actingFor.orgCode})` : 'National' } },
          ]} />
        </div>
      </div>
      <Table caption="Your roles" head={[{ text: 'Role' }, { text: 'Organisation' }, { text: 'Code' }, { text: 'Type' }]}
        firstCellIsHeader responsive
        rows={principal.roles.map((r, i) => ({
          key: `${r.role}-${r.orgCode ?? i}`,
          cells: [
            { text: r.label },
            { text: r.orgCode && (r.orgType === 'pct' || r.orgType === 'sha') ? <AppLink href={orgHref(r.orgCode, DEFAULT_AS_OF)}>{r.orgName}</AppLink> : r.orgName ?? 'All of England' },
            { text: r.orgCode ?? 'None' },
            { text: orgTypeLabels[r.orgType ?? ''] ?? 'National' },
          ],
        }))} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2 className="nhsuk-heading-m">Change your password</h2>
          <p>Use at least 12 characters. A few unrelated words make a good password.</p>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <Input id="current-password" name="currentPassword" type="password" autocomplete="current-password" label={{ text: 'Current password' }}
              value={values.currentPassword} onChange={set('currentPassword')} errorMessage={errors.currentPassword ? { text: errors.currentPassword } : null} />
            <Input id="new-password" name="newPassword" type="password" autocomplete="new-password" label={{ text: 'New password' }}
              value={values.newPassword} onChange={set('newPassword')} errorMessage={errors.newPassword ? { text: errors.newPassword } : null} />
            <Input id="confirm-password" name="confirmPassword" type="password" autocomplete="new-password" label={{ text: 'Confirm new password' }}
              value={values.confirmPassword} onChange={set('confirmPassword')} errorMessage={errors.confirmPassword ? { text: errors.confirmPassword } : null} />
            <Button text="Change password" variant="secondary" />
          </form>
        </div>
      </div>
    </Page>
  );
}

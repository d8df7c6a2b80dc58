// Add an account with one or more roles (national administrators). The server checks each role's
// organisation and answers field by field; those answers appear beside the fields.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { createUser } from '../api/endpoints.ts';
import { BackLink } from '../components/BackLink.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Input } from '../components/Input.tsx';
import { Select } from '../components/Select.tsx';
import { Page } from '../app/page.tsx';
import { fieldMessage } from '../app/field-message.ts';
import { roleOptions } from '../app/roles.ts';
import { useSession } from '../app/session.tsx';

interface RoleRow { role: string; orgCode: string }

const labels: Record<string, string> = { email: 'Email address', displayName: 'Full name', password: 'Password' };
const fieldId = (key: string) => {
  const m = /^roles\/(\d+)\/(role|orgCode)$/.exec(key);
  if (m) return m[2] === 'role' ? `role-${m[1]}` : `org-code-${m[1]}`;
  return ({ email: 'email', displayName: 'display-name', password: 'password' } as Record<string, string>)[key] ?? 'email';
};

export function AddUserPage() {
  const { api } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleRow[]>([{ role: 'pct_commissioner', orgCode: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const setRole = (i: number, patch: Partial<RoleRow>) => setRoles((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!email.trim()) errs.email = 'Enter their email address';
    if (!displayName.trim()) errs.displayName = 'Enter their full name';
    if (!password) errs.password = 'Enter a first password for them';
    setErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length) return;
    try {
      const user = await createUser(api, {
        email: email.trim(), displayName: displayName.trim(), password,
        roles: roles.map((r) => ({ role: r.role, orgCode: r.orgCode.trim() ? r.orgCode.trim().toUpperCase() : null })),
      });
      navigate('/users', { state: { added: user.email } });
    } catch (err) {
      const ae = err instanceof ApiError ? err : null;
      const fe = ae?.fieldErrors() ?? {};
      const mapped: Record<string, string> = {};
      for (const [k, v] of Object.entries(fe)) {
        const m = /^roles\/(\d+)\/(role|orgCode)$/.exec(k);
        mapped[k] = fieldMessage(m ? (m[2] === 'role' ? `Role ${Number(m[1]) + 1}` : `Organisation code for role ${Number(m[1]) + 1}`) : labels[k] ?? k, v);
      }
      setErrors(mapped);
      if (!Object.keys(mapped).length) setProblem(ae?.problem.detail ?? 'The user was not added. Try again.');
    }
  }

  const errorList = [
    ...(problem ? [{ href: '#email', text: problem }] : []),
    ...Object.entries(errors).map(([k, v]) => ({ href: `#${fieldId(k)}`, text: v })),
  ];

  return (
    <Page title={errorList.length ? 'Error: Add a user' : 'Add a user'}>
      <BackLink href="/users" text="Back to users" />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {errorList.length > 0 && <ErrorSummary errorList={errorList} />}
          <h1>Add a user</h1>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <Input id="display-name" name="displayName" label={{ text: 'Full name' }} autocomplete="off" value={displayName} onChange={setDisplayName}
              errorMessage={errors.displayName ? { text: errors.displayName } : null} />
            <Input id="email" name="email" type="email" label={{ text: 'Email address' }} autocomplete="off" spellcheck={false} value={email} onChange={setEmail}
              errorMessage={errors.email ? { text: errors.email } : null} />
            <Input id="password" name="password" type="password" label={{ text: 'First password' }} autocomplete="new-password"
              hint={{ text: 'At least 12 characters. Give it to them safely; they can change it on their account page.' }}
              value={password} onChange={setPassword} errorMessage={errors.password ? { text: errors.password } : null} />
            {roles.map((r, i) => (
              <fieldset className="nhsuk-fieldset" key={i}>
                <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Role {i + 1}</legend>
                <Select id={`role-${i}`} name={`roles[${i}].role`} label={{ text: 'Role' }} items={roleOptions} value={r.role}
                  onChange={(v) => setRole(i, { role: v })} errorMessage={errors[`roles/${i}/role`] ? { text: errors[`roles/${i}/role`]! } : null} />
                <Input id={`org-code-${i}`} name={`roles[${i}].orgCode`} label={{ text: 'Organisation code' }} classes="nhsuk-input--width-10"
                  hint={{ text: 'The PCT code for PCT roles (like 5C2), the SHA code for SHA roles (like Q36), the supplier identifier for suppliers. Leave empty for national administrators.' }}
                  value={r.orgCode} onChange={(v) => setRole(i, { orgCode: v })} spellcheck={false}
                  errorMessage={errors[`roles/${i}/orgCode`] ? { text: errors[`roles/${i}/orgCode`]! } : null} />
                {roles.length > 1 && (
                  <Button type="button" variant="secondary" small text={<>Remove<span className="nhsuk-u-visually-hidden"> role {i + 1}</span></>}
                    onClick={() => setRoles((rs) => rs.filter((_, j) => j !== i))} />
                )}
              </fieldset>
            ))}
            <div className="nhsuk-button-group">
              <Button type="button" variant="secondary" text="Add another role" onClick={() => setRoles((rs) => [...rs, { role: 'pct_commissioner', orgCode: '' }])} />
            </div>
            <Button text="Add user" />
          </form>
        </div>
      </div>
    </Page>
  );
}

// Sign in with email and password. Missing fields are caught here; wrong credentials, lockout and
// rate limits come back from the API as problem details and appear in the error summary.
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { InsetText } from '../components/InsetText.tsx';
import { Input } from '../components/Input.tsx';
import { Page } from '../app/page.tsx';
import { useSession } from '../app/session.tsx';

type Field = 'email' | 'password';

/** Only paths inside this app are followed after sign-in, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  const state = location.state as { signedOut?: boolean; needsSession?: boolean } | null;

  if (session?.principal && !busy && !state?.signedOut) return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!email.trim()) errs.email = 'Enter your email address';
    else if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) errs.email = 'Enter an email address in the correct format, like name@example.nhs.uk';
    if (!password) errs.password = 'Enter your password';
    setFieldErrors(errs);
    setProblem(null);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (err) {
      const ae = err instanceof ApiError ? err : null;
      const fe = ae?.fieldErrors() ?? {};
      setFieldErrors({ email: fe.email, password: fe.password });
      setProblem(ae?.problem.detail ?? 'Something went wrong. Try again.');
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const errorList = [
    ...(problem ? [{ href: '#email', text: problem }] : []),
    ...(['email', 'password'] as const).filter((f) => fieldErrors[f]).map((f) => ({ href: `#${f}`, text: fieldErrors[f]! })),
  ];

  return (
    <Page title={errorList.length ? 'Error: Sign in' : 'Sign in'}>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {errorList.length > 0 && <ErrorSummary errorList={errorList} />}
          <h1>Sign in</h1>
          {state?.signedOut && !errorList.length && <InsetText><p>You have signed out.</p></InsetText>}
          {state?.needsSession && !errorList.length && <InsetText><p>You need to sign in to see that page.</p></InsetText>}
          <p>Sign in with the email address and password your national administrator gave you.</p>
          <form noValidate onSubmit={(e) => void submit(e)}>
            <Input id="email" name="email" type="email" autocomplete="username" spellcheck={false}
              label={{ text: 'Email address' }} value={email} onChange={setEmail}
              errorMessage={fieldErrors.email ? { text: fieldErrors.email } : null} />
            <Input id="password" name="password" type="password" autocomplete="current-password"
              label={{ text: 'Password' }} value={password} onChange={setPassword}
              errorMessage={fieldErrors.password ? { text: fieldErrors.password } : null} />
            <Button text={busy ? 'Signing in…' : 'Sign in'} disabled={busy} />
          </form>
          <h2 className="nhsuk-heading-s">Problems signing in</h2>
          <p>After 5 wrong passwords in a row the account is locked for a while. Your national administrator can reset your password.</p>
        </div>
      </div>
    </Page>
  );
}

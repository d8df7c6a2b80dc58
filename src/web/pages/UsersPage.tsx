// Every account, for national administrators (users:manage). Others get the API's 403.
import { useLocation } from 'react-router-dom';
import { listUsers } from '../api/endpoints.ts';
import type { UserSummary } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { Table } from '../components/Table.tsx';
import { Tag } from '../components/Tag.tsx';
import { Page } from '../app/page.tsx';
import { roleLabel } from '../app/roles.ts';
import { useApi } from '../app/use-api.ts';
import { LoadingPage } from './LoadingPage.tsx';
import { ProblemPage } from './ProblemPage.tsx';

export function UsersPage() {
  const users = useApi<{ users: UserSummary[] }>((api) => listUsers(api), []);
  const location = useLocation();
  const added = (location.state as { added?: string } | null)?.added;
  if (users.state === 'error') return <ProblemPage error={users.error} />;
  return (
    <Page title="Users" loading={users.state === 'loading'}>
      {added && <NotificationBanner type="success"><p className="nhsuk-notification-banner__heading">{added} can now sign in.</p></NotificationBanner>}
      <h1>Users</h1>
      <p>Everyone who can sign in to wcc, with the roles they hold and the organisation each role is for.</p>
      <Button text="Add a user" href="/users/new" />
      {users.state === 'loading' ? <LoadingPage /> : (
        <Table caption={`${users.data.users.length} users`} responsive firstCellIsHeader
          head={[{ text: 'Name' }, { text: 'Email address' }, { text: 'Roles' }, { text: 'Status' }]}
          rows={users.data.users.map((u) => ({
            key: u.id,
            cells: [
              { text: u.displayName },
              { text: u.email },
              { text: <ul className="nhsuk-list nhsuk-u-margin-bottom-0">{u.roles.map((r) => <li key={`${r.role}-${r.orgCode}`}>{roleLabel(r.role)}{r.orgCode ? ` – ${r.orgCode}` : ''}</li>)}</ul> },
              { text: u.locked ? <Tag text="Locked" colour="red" /> : <Tag text="Active" colour="green" /> },
            ],
          }))} />
      )}
    </Page>
  );
}

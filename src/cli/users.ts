import type { Command } from 'commander';
import { withRuntime } from './runtime.ts';
import { createUser, listUsers, resetPassword } from '../platform/auth/users.ts';
import { roleNames, type RoleGrant, type RoleName } from '../platform/auth/policy.ts';
import { AppError } from '../platform/errors.ts';

/** Parses "role" or "role:ORG" (e.g. pct_analyst:5C2). */
export function parseRoleGrant(text: string): RoleGrant {
  const [role, orgCode] = text.split(':');
  if (!roleNames.includes(role as RoleName)) {
    throw new AppError('invalid', `unknown role "${role}"; roles are ${roleNames.join(', ')}`);
  }
  return { role: role as RoleName, orgCode: orgCode ? orgCode.toUpperCase() : null };
}

async function readPassword(opts: { password?: string }): Promise<string> {
  if (opts.password) return opts.password;
  if (process.env.WCC_PASSWORD) return process.env.WCC_PASSWORD;
  throw new AppError('invalid', 'give the password with --password or the WCC_PASSWORD environment variable');
}

export function register(program: Command): void {
  const users = program.command('users').description('manage accounts');
  users.command('add')
    .description('add a user, e.g. wcc users add --email a@nhs.net --name "A N Other" --role pct_analyst:5C2')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role[:org]>', 'a role, repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--password <password>', 'initial password (or set WCC_PASSWORD)')
    .action(async (opts: { email: string; name: string; role: string[]; password?: string }) => {
      const roles = opts.role.map(parseRoleGrant);
      const password = await readPassword(opts);
      await withRuntime(async ({ db }) => {
        const u = await createUser(db, { email: opts.email, displayName: opts.name, password, roles }, null);
        console.log(`Added ${u.email} (${u.id}) with roles: ${roles.map((r) => r.role + (r.orgCode ? `:${r.orgCode}` : '')).join(', ') || 'none'}`);
      });
    });
  users.command('list')
    .description('list users and their roles')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(async ({ db }) => {
        const all = await listUsers(db);
        if (opts.json) return console.log(JSON.stringify(all, null, 2));
        for (const u of all) {
          console.log(`${u.email.padEnd(30)} ${u.displayName.padEnd(45)} ${u.roles.map((r) => r.role + (r.orgCode ? `:${r.orgCode}` : '')).join(', ')}${u.locked ? '  [locked]' : ''}`);
        }
      });
    });
  users.command('reset-password')
    .description('set a new password, unlock the account and end its sessions')
    .requiredOption('--email <email>')
    .option('--password <password>', 'new password (or set WCC_PASSWORD)')
    .action(async (opts: { email: string; password?: string }) => {
      const password = await readPassword(opts);
      await withRuntime(async ({ db }) => {
        await resetPassword(db, opts.email, password, null);
        console.log(`Password reset for ${opts.email}; its sessions were ended.`);
      });
    });
}

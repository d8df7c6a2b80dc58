import type { Command } from 'commander';
import { withRuntime } from './runtime.ts';
import { findOrganisations } from '../orgs/index.ts';
import { checkDate } from '../orgs/service.ts';
import { AppError } from '../platform/errors.ts';

export function register(program: Command): void {
  const orgs = program.command('orgs').description('organisations');
  orgs.command('list')
    .description('list organisations, e.g. wcc orgs list --type pct --as-of 2009-04-01')
    .option('--type <type>', 'england, sha or pct')
    .option('--parent <code>', 'only children of this organisation')
    .option('--as-of <date>', 'only organisations that existed on this date (YYYY-MM-DD)')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (opts: { type?: string; parent?: string; asOf?: string; format: string }) => {
      if (opts.type && !['england', 'sha', 'pct'].includes(opts.type)) throw new AppError('invalid', `--type must be england, sha or pct, not "${opts.type}"`);
      if (!['table', 'csv', 'json'].includes(opts.format)) throw new AppError('invalid', `--format must be table, csv or json, not "${opts.format}"`);
      const asOf = checkDate(opts.asOf, 'as-of');
      await withRuntime(async ({ db }) => {
        const list = await findOrganisations(db, { type: opts.type, parent: opts.parent?.toUpperCase(), asOf });
        if (opts.format === 'json') return console.log(JSON.stringify(list, null, 2));
        if (opts.format === 'csv') {
          console.log('code,name,type,parent_code,valid_from,valid_to,successor_code');
          for (const o of list) console.log([o.code, `"${o.name.replace(/"/g, '""')}"`, o.type, o.parentCode ?? '', o.validFrom, o.validTo ?? '', o.successorCode ?? ''].join(','));
          return;
        }
        for (const o of list) console.log(`${o.code.padEnd(5)} ${o.name.padEnd(48)} ${o.type.padEnd(7)} ${(o.parentCode ?? '').padEnd(5)} ${o.validFrom} – ${o.validTo ?? ''}`);
        console.log(`${list.length} organisation(s)`);
      });
    });
}

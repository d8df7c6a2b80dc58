// `wcc procurement`: load the FESC demo, list competitions and contracts, and write the OCDS release or
// record package to a file, validated against the OCDS 1.1.5 schemas first.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withRuntime } from './runtime.ts';
import { AppError } from '../platform/errors.ts';
import { seedProcurementDemo } from '../procurement/index.ts';
import { recordPackageOf, releasePackageOf } from '../procurement/ocds-publish.ts';
import { createOcdsValidator } from '../procurement/ocds-validate.ts';

export function register(program: Command): void {
  const p = program.command('procurement').description('FESC framework, mini-competitions, contracts and open contracting (OCDS)');
  p.command('seed-demo')
    .description('load FESC (lots, 14 suppliers), supplier and evaluator accounts, case studies, events and demo competency scores')
    .action(async () => {
      await withRuntime(async ({ db }) => console.log((await seedProcurementDemo(db)) ? 'Loaded the FESC demo.' : 'The FESC demo is already loaded.'));
    });
  p.command('contracts')
    .description('the register of call-off contracts')
    .action(async () => {
      await withRuntime(async ({ db }) => {
        const { rows } = await db.query(`SELECT k.pct_code, s.name, k.title, k.value_pounds, k.starts_on, k.ends_on, k.status
          FROM procurement_contracts k JOIN procurement_suppliers s ON s.id = k.supplier_id ORDER BY k.starts_on`);
        for (const r of rows) console.log(`${r.pct_code.padEnd(4)} ${r.name.padEnd(28)} £${String(r.value_pounds).padStart(10)} ${r.starts_on} – ${r.ends_on} ${r.status.padEnd(10)} ${r.title}`);
        console.log(`${rows.length} contract(s)`);
      });
    });
  p.command('ocds')
    .description('write the OCDS 1.1 release (or record) package, e.g. wcc procurement ocds --records --out ocds.json')
    .option('--records', 'a record package instead of a release package')
    .option('--ocid <ocid>', 'one contracting process only')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: { records?: boolean; ocid?: string; out?: string }) => {
      await withRuntime(async ({ db, config }) => {
        const uri = `https://wcc.example/api/ocds/${opts.records ? 'records' : 'releases'}`;
        const pkg = opts.records ? await recordPackageOf(db, uri, opts.ocid) : await releasePackageOf(db, uri, opts.ocid);
        if (!pkg) throw new AppError('not_found', 'Nothing has been published yet (try wcc procurement seed-demo).');
        const v = createOcdsValidator(config.sharedDataDir);
        const errors = opts.records ? v.validateRecordPackage(pkg) : v.validateReleasePackage(pkg);
        if (errors.length) throw new AppError('invalid', `The package is not valid OCDS 1.1.5: ${errors.slice(0, 5).join('; ')}`);
        const text = JSON.stringify(pkg, null, 2);
        if (opts.out) {
          writeFileSync(opts.out, text);
          console.error(`Wrote ${opts.out} (valid against OCDS 1.1.5).`);
        } else console.log(text);
      });
    });
}

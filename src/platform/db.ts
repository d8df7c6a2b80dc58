// PostgreSQL access: one pool per process, plain SQL with $n parameters, explicit transactions.
import pg from 'pg';

export type Db = pg.Pool;
export type DbClient = pg.PoolClient;

// Return NUMERIC and BIGINT as JavaScript numbers: counts and rates here fit in a double.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// DATE stays a 'YYYY-MM-DD' string: no time zone surprises.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function createPool(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    statement_timeout: 120_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: 'wcc',
  });
  pool.on('error', (err) => {
    // An idle client lost its connection (e.g. the server stopped); the pool replaces it.
    console.error(`PostgreSQL pool error: ${err.message}`);
  });
  return pool;
}

export async function withTransaction<T>(db: Db, fn: (client: DbClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

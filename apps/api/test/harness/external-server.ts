import pg from 'pg';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The second database server the suites run on: FRONTDESK_TEST_PG_URL, else a local PostgreSQL
 * on 5432 when one answers. Required in CI; FRONTDESK_TEST_PG_URL=off disables it.
 */
export async function externalServer(): Promise<string | undefined> {
  const configured = process.env.FRONTDESK_TEST_PG_URL;
  if (configured === 'off') return undefined;
  const url = configured ?? LOCAL_POSTGRES;
  if (await reachable(url)) return url;
  if (configured || process.env.CI) throw new Error(`The PostgreSQL server at ${url} is not reachable`);
  return undefined;
}

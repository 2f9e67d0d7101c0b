import { decryptField, ENCRYPTED_VALUES } from '../../src/platform/crypto/fields';
import type { Queryable } from '../../src/platform/db/database';

/**
 * Every place in the database where one of these strings occurs (case-insensitive): each text,
 * character, JSON or array column of each table of each schema, cast to text — encrypted personal
 * fields opened as the application reads them, unless `decrypt` is false (what lies on disk).
 */
export async function findAnywhere(db: Queryable, needles: string[], opts: { decrypt?: boolean } = { decrypt: true }): Promise<{ where: string; needle: string; rows: number }[]> {
  const columns = await db.query<{ s: string; t: string; c: string }>(`
    SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c FROM information_schema.columns c
      JOIN information_schema.tables tb USING (table_schema, table_name)
     WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
     ORDER BY 1, 2, 3`);
  const found: { where: string; needle: string; rows: number }[] = [];
  for (const { s, t, c } of columns) {
    // Encrypted personal fields are searched as the application reads them.
    const encrypted = opts.decrypt ? (await db.query<{ v: string }>(`SELECT "${c}"::text AS v FROM "${s}"."${t}" WHERE "${c}"::text LIKE '%enc:v1:%'`))
      .map((r) => (r.v.match(ENCRYPTED_VALUES) ?? []).map((v) => decryptField(v)).join(' ').toLowerCase()) : [];
    for (const needle of needles) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${s}"."${t}" WHERE "${c}"::text ILIKE $1`,
        [`%${needle.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`]);
      const n = row!.n + encrypted.filter((v) => v.includes(needle.toLowerCase())).length;
      if (n > 0) found.push({ where: `${s}.${t}.${c}`, needle, rows: n });
    }
  }
  return found;
}

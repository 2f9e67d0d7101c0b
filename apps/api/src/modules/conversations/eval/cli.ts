/**
 * node --import tsx apps/api/src/modules/conversations/eval/cli.ts <dir>
 * Prints the understanding's evaluation on a dialogue-data folder (e.g. shared/dialogue-data/dev) as JSON.
 */
import { evaluateNlu } from './nlu';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: eval:nlu <dialogue-data folder>\n');
  process.exit(2);
}
const result = await evaluateNlu(dir);
process.stdout.write(JSON.stringify(result, null, 2) + '\n');

import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ScenarioFormatError, validateScenario, type Scenario } from './format';

export interface ScenarioFile { file: string; scenario: Scenario }

const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** Folders of scenarios the assistant does not pass yet: read only when named directly. */
export const PENDING_DIR = 'pending';

/** Every scenario file under `dir` (sorted, subfolders included, `pending/` folders left out). */
export function scenarioFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`No such folder: ${dir}`);
  if (fs.statSync(dir).isFile()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === PENDING_DIR ? [] : scenarioFiles(full);
      return SCENARIO_FILE.test(entry.name) ? [full] : [];
    });
}

/** Parses one file (YAML, or JSON by its extension) and validates it. */
export function parseScenario(file: string, text: string): Scenario {
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new ScenarioFormatError(file, [`not valid JSON: ${(err as Error).message}`]);
    }
    return validateScenario(file, data);
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ScenarioFormatError(file, doc.errors.map((e) => `not valid YAML: ${e.message.split('\n')[0]}`));
  }
  return validateScenario(file, doc.toJS());
}

/** Loads and validates every scenario under `dir`; all files' problems are reported together. */
export function loadScenarios(dir: string): ScenarioFile[] {
  const problems: ScenarioFormatError[] = [];
  const loaded: ScenarioFile[] = [];
  for (const file of scenarioFiles(dir)) {
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith('..') ? relative : file;
    try {
      loaded.push({ file: shown, scenario: parseScenario(shown, fs.readFileSync(file, 'utf8')) });
    } catch (err) {
      if (err instanceof ScenarioFormatError) problems.push(err);
      else throw err;
    }
  }
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  if (!loaded.length) throw new Error(`No scenario files (*.yaml, *.yml, *.json) in ${dir}`);
  return loaded;
}

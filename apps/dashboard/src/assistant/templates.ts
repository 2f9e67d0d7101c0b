/** WhatsApp-style template variables: {{1}}, {{2}}… or {{name}}. */
const VARIABLE = /\{\{\s*([a-z0-9_]+)\s*\}\}/gi;

/** The variables a body uses, each once, in the order they first appear. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** The body with each variable filled in; a variable with no value stays as written. */
export function fillTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(VARIABLE, (whole, name: string) => (values[name]?.trim() ? values[name]! : whole));
}

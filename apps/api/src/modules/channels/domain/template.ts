/** Fills a template's {{1}}, {{2}}… with the given values; names every value that is missing. */
export function renderTemplate(body: string, variables: string[]): { text: string } | { missing: number[] } {
  const needed = [...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));
  const missing = [...new Set(needed)].filter((n) => variables[n - 1] === undefined || variables[n - 1] === '').sort((a, b) => a - b);
  if (missing.length) return { missing };
  return { text: body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => variables[Number(n) - 1]!) };
}

/** Meta's language codes for a conversation language and the tenant's locale ("pt" + "pt-BR" → "pt_BR"). */
export function templateLanguage(lang: string, tenantLocale: string): string {
  const [base, region] = tenantLocale.split('-');
  return base === lang && region ? `${lang}_${region.toUpperCase()}` : lang;
}

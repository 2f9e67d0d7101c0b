import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, type TestApp } from '../../api/test/harness/app';
import { inviteAndJoin, type SignedIn } from '../../api/test/harness/staff';
import { expectAccessible, launchBrowser, screenshot } from './support';
import { api, openAs } from './leads-support';

// Kumon Vila A in São Paulo, its staff reading Portuguese (Brazil).
let app: TestApp;
let browser: Browser;
let base = '';
let key = '';
let marina: SignedIn;
let vitor: SignedIn;
const GREETING = 'Olá! Aqui é o Kumon Vila A. Em que posso ajudar hoje?';
const ANSWER = 'Sim: avisando até a véspera, a aula perdida é reposta na mesma semana.';

beforeAll(async () => {
  app = await startTestApp();
  ({ key } = await seedTenant(app, 'kumon-vila-a'));
  marina = await inviteAndJoin(app, app.auth(key), { email: 'marina@kumon.test', role: 'manager', name: 'Marina Lopes' });
  vitor = await inviteAndJoin(app, app.auth(key), { email: 'vitor@kumon.test', role: 'viewer', name: 'Vitor Alves' });
  const made = await api(app, key).post('/v1/templates', { name: 'lembrete_avaliacao', language: 'pt_BR', body: 'Olá {{1}}, lembrete da avaliação {{2}}.', kind: 'booking_reminder' });
  expect(made.statusCode, made.body).toBe(201);
  base = await app.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('settings: the assistant and message templates', () => {
  it('a manager changes the greeting, adds an FAQ entry, and sees the test chat answer from it with its source', async () => {
    const { page, cspViolations, close } = await openAs(browser, base, marina, { locale: 'pt-BR', path: '/app/settings/assistant' });
    await expect.poll(() => page.locator('#settings-section').textContent()).toBe('Assistente');
    await page.getByLabel('Saudação em português').fill(GREETING);

    // A question too short for the API: its message shows next to that field, and nothing is saved.
    await page.getByRole('button', { name: 'Adicionar uma pergunta frequente' }).click();
    const entry = page.locator('.faq-entry').last();
    await entry.getByLabel('Pergunta', { exact: true }).fill('Ré');
    await entry.getByLabel('Resposta').fill(ANSWER);
    await entry.getByLabel('Palavras-chave (separadas por vírgulas)').fill('repor, reposição, faltar, falta');
    await page.getByRole('button', { name: 'Salvar as configurações do assistente' }).click();
    await expect.poll(() => page.locator('.assistant-save .error').textContent()).toContain('Alguns campos precisam de atenção');
    await expect.poll(() => entry.locator('.field-error').allTextContents()).toEqual(['Está curto demais.']);
    expect(await entry.getByLabel('Pergunta', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await entry.getByLabel('Pergunta', { exact: true }).fill('Dá para repor uma aula perdida?');
    await page.getByRole('button', { name: 'Salvar as configurações do assistente' }).click();
    await expect.poll(() => page.locator('.assistant-save .saved').textContent()).toBe('Salvo.');
    const saved = (await api(app, key).get('/v1/assistant/profile')).json();
    expect(saved.greeting.pt).toBe(GREETING);
    expect(saved.faq.at(-1)).toMatchObject({ lang: 'pt', question: 'Dá para repor uma aula perdida?', answer: ANSWER, keywords: ['repor', 'reposição', 'faltar', 'falta'] });

    await page.getByRole('button', { name: 'Começar um chat de teste' }).click();
    await expect.poll(() => page.locator('.test-line.assistant .test-reply').first().textContent()).toBe(GREETING);
    await page.getByLabel('Sua mensagem como cliente').fill('Se meu filho faltar, dá pra repor a aula?');
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    const reply = page.locator('.test-line.assistant').filter({ hasText: ANSWER });
    await expect.poll(() => reply.count()).toBe(1);
    expect(await reply.locator('.test-source').textContent()).toBe('A pergunta frequente “Dá para repor uma aula perdida?” (search_knowledge)');

    await page.getByLabel('Sua mensagem como cliente').fill('quanto fica matemática por mês?');
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    const price = page.locator('.test-line.assistant').filter({ hasText: /375,00/ });
    await expect.poll(() => price.count()).toBe(1);
    expect(await price.locator('.test-source').allTextContents()).toEqual(['A tabela de preços (quote)', 'Preços dos serviços no catálogo (quote)']);

    await expectAccessible(page);
    await screenshot(page, 'settings-assistant');
    expect(cspViolations).toEqual([]);
    await close();
  });

  it('a manager edits a template, filling its variables in the preview', async () => {
    const { page, close } = await openAs(browser, base, marina, { locale: 'pt-BR', path: '/app/settings/templates' });
    await page.getByRole('button', { name: 'Editar lembrete_avaliacao' }).click();
    await expect.poll(() => page.locator('#template-form-heading').textContent()).toBe('Editando lembrete_avaliacao (pt_BR)');
    await page.getByLabel('Texto').fill('Olá {{1}}! Sua avaliação no Kumon é {{2}}. Até lá!');
    await page.getByLabel('Valor para {{1}}').fill('Maria');
    await expect.poll(() => page.locator('.template-preview-text').textContent()).toBe('Olá Maria! Sua avaliação no Kumon é {{2}}. Até lá!');
    await page.getByLabel('Valor para {{2}}').fill('sexta às 9h');
    await expect.poll(() => page.locator('.template-preview-text').textContent()).toBe('Olá Maria! Sua avaliação no Kumon é sexta às 9h. Até lá!');
    await page.getByLabel('Aprovação').selectOption('approved');
    await expectAccessible(page);
    await screenshot(page, 'settings-templates');
    await page.getByRole('button', { name: 'Salvar o modelo' }).click();
    await expect.poll(() => page.locator('.saved').textContent()).toBe('Modelo salvo.');
    await expect.poll(() => page.locator('.template-row .template-body').textContent()).toBe('Olá {{1}}! Sua avaliação no Kumon é {{2}}. Até lá!');
    expect(await page.locator('.template-row .template-status').textContent()).toBe('Aprovado');
    await close();
  });

  it('a viewer sees the settings and templates read-only, without the test chat', async () => {
    const { page, close } = await openAs(browser, base, vitor, { locale: 'pt-BR', path: '/app/settings/assistant' });
    await expect.poll(() => page.locator('.read-only-note').first().textContent()).toContain('só proprietários e gerentes podem alterá-las');
    expect(await page.getByLabel('Saudação em português').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Salvar as configurações do assistente' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Adicionar uma pergunta frequente' }).count()).toBe(0);
    expect(await page.locator('.test-chat').count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Modelos de mensagem' }).click();
    await expect.poll(() => page.locator('.template-row').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Editar/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Novo modelo' }).count()).toBe(0);
    await close();
  });
});

import { describe, expect, it } from 'vitest';
import { step } from './policy';
import { fresh, heard, kumon } from './testing';
import type { PolicyContext } from './types';

const lgpd: PolicyContext = { ...kumon, consent: { purposes: ['data_processing'], text: { pt: 'Você concorda? SIM ou NÃO.' } } };

describe('a customer asking to have their data erased', () => {
  it.each([['pt', 'apague meus dados', 'apagar seus dados'], ['es', 'borren mis datos', 'borrar tus datos'], ['en', 'please delete my data', 'delete your data']] as const)(
    '%s: says the request is on its way (a manager approves it) and asks for it', (lang, text, words) => {
      const r = step(fresh(), { kind: 'message', understanding: heard('erase_data', lang), text }, kumon);
      expect(r.commands).toEqual([{ kind: 'request_erasure' }]);
      expect(r.replies).toHaveLength(1);
      expect(r.replies[0]!.text).toContain(words);
    });

  it('goes through while the consent question is still unanswered, and after a refusal', () => {
    const asked = step(fresh(), { kind: 'message', understanding: heard('greet', 'pt'), text: 'oi' }, lgpd);
    expect(asked.state.consent?.status).toBe('pending');
    const pending = step(asked.state, { kind: 'message', understanding: heard('erase_data', 'pt'), text: 'apague meus dados' }, lgpd);
    expect(pending.commands).toEqual([{ kind: 'request_erasure' }]);
    const refused = step({ ...asked.state, consent: { status: 'refused' } }, { kind: 'message', understanding: heard('erase_data', 'pt'), text: 'apague meus dados' }, lgpd);
    expect(refused.commands).toEqual([{ kind: 'request_erasure' }]);
  });

  it('interrupts a booking in progress', () => {
    const offering = { ...fresh(), stage: 'offering' as const, serviceId: 'svc-visit' };
    const r = step(offering, { kind: 'message', understanding: heard('erase_data', 'pt'), text: 'na verdade, apaguem meus dados' }, kumon);
    expect(r.commands).toEqual([{ kind: 'request_erasure' }]);
  });
});

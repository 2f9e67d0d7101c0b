import { errorCodes } from '@frontdesk/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage } from './errors';
import { errorsEn } from './errors-en';
import { errorsPtBR } from './errors-pt-BR';
import { errorsEsAR } from './errors-es-AR';

const maps = { en: errorsEn, 'pt-BR': errorsPtBR, 'es-AR': errorsEsAR };

describe('API errors in the staff member’s words', () => {
  it.each(Object.entries(maps))('%s has words for every code the API can return', (_language, messages) => {
    const missing = Object.keys(errorCodes).filter((code) => !(messages as Record<string, string | undefined>)[code]);
    // A new code in packages/contracts/src/errors.ts needs a line in apps/dashboard/src/i18n/errors-*.ts.
    expect(missing).toEqual([]);
  });

  it('says what happened, or something general for a code it does not know', () => {
    expect(errorMessage(errorsPtBR, new ApiError('AUTH_INVALID_CREDENTIALS', 401))).toBe('E-mail ou senha incorretos.');
    expect(errorMessage(errorsEsAR, new ApiError('SOME_FUTURE_CODE', 409))).toBe(errorsEsAR.GENERIC);
    expect(errorMessage(errorsEn, new ApiError('NETWORK', 0))).toBe(errorsEn.NETWORK);
    expect(errorMessage(errorsEn, new TypeError('boom'))).toBe(errorsEn.GENERIC);
  });

  it('never shows the same words for two different codes within a language', () => {
    for (const messages of Object.values(maps)) {
      const texts = Object.values(messages);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { needlePattern, needlesOf, phoneFormats } from './needles';

describe('needles of a person', () => {
  it('spells a phone every usual way, in the tenant region', () => {
    expect(phoneFormats('+5511987650001', 'BR')).toEqual(expect.arrayContaining(
      ['+5511987650001', '5511987650001', '+55 11 98765 0001', '(11) 98765-0001', '11987650001']));
  });

  it('keeps short answers and single short names for rows about the person only, longest first', () => {
    const n = needlesOf({ names: ['Ana', 'Beatriz Lima'], phones: [], emails: ['b@example.com'], handles: ['42'], texts: ['sim', 'eu "amo" girafas roxas'] }, 'BR');
    expect(n.strong).toEqual(['eu \\"amo\\" girafas roxas', 'eu "amo" girafas roxas', 'b@example.com', 'Beatriz Lima']);
    expect(n.all).toEqual([...n.strong, 'Ana', 'sim']);
  });

  it('matches whole words where a needle starts or ends with a letter or digit, with special characters escaped', () => {
    expect(needlePattern(['Ana', '+55 (11)'])).toBe('\\mAna\\M|\\+55 \\(11\\)');
    expect(needlePattern([])).toBeUndefined();
  });
});

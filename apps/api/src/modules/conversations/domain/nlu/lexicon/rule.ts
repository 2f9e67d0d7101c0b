import type { Intent } from '../types';

/** [intent, weight, ...patterns]: see lexicon/pt.ts for the pattern syntax. */
export type Rule = [Exclude<Intent, 'inform' | 'choose_option'>, number, ...string[]];

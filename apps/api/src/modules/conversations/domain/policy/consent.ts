import { fold } from '../nlu/normalise';
import type { Lang } from '../nlu/types';
import type { ConversationState, HeldMessage, PolicyContext, Reply, StepResult } from './types';

type Continue = (state: ConversationState, message: HeldMessage) => StepResult;

const GRANT = /^(sim|si|yes|yep|yeah|ok|aceito|acepto|i accept|accept|concordo|de acordo|de acuerdo|i agree|agree|claro|dale|vale|pode|consent-yes)\b/;
const REFUSE = /^(nao|no|nope|recuso|i refuse|i do not|i don't|consent-no)\b/;
const NEGATED = /\b(nao|no|not|don't|nunca|never)\b/;
const WITHDRAW = /\b(retiro|revogo|revoco|retirar|revogar|revocar|withdraw|revoke)\b.*\b(consentimento|consentimiento|consent)\b/;

const phrases: Record<Lang, Record<'thanks' | 'refused' | 'needed' | 'withdrawn' | 'yes' | 'no' | 'human', string>> = {
  pt: {
    thanks: 'Obrigado! Seu consentimento foi registrado.',
    refused: 'Tudo bem, registrei que você não concorda. Sem o seu consentimento não posso continuar o atendimento por aqui, mas uma pessoa da nossa equipe pode falar com você.',
    needed: 'Sem o seu consentimento não posso continuar por aqui. Se mudar de ideia, responda SIM; se preferir, uma pessoa da equipe pode falar com você.',
    withdrawn: 'Registrei a retirada do seu consentimento: não vamos mais tratar seus dados por aqui. Se precisar, uma pessoa da equipe pode falar com você.',
    yes: 'Sim', no: 'Não', human: 'Falar com uma pessoa',
  },
  es: {
    thanks: '¡Gracias! Registramos tu consentimiento.',
    refused: 'Está bien, registré que no estás de acuerdo. Sin tu consentimiento no puedo seguir la atención por acá, pero una persona del equipo puede hablar con vos.',
    needed: 'Sin tu consentimiento no puedo seguir por acá. Si cambiás de idea, respondé SÍ; si preferís, una persona del equipo puede hablar con vos.',
    withdrawn: 'Registré que retiraste tu consentimiento: no vamos a tratar más tus datos por acá. Si necesitás, una persona del equipo puede hablar con vos.',
    yes: 'Sí', no: 'No', human: 'Hablar con una persona',
  },
  en: {
    thanks: 'Thank you! Your consent has been recorded.',
    refused: "Understood, I've recorded that you do not agree. Without your consent I can't continue here, but a person from our team can talk to you.",
    needed: "Without your consent I can't continue here. If you change your mind, reply YES; or a person from our team can talk to you.",
    withdrawn: "I've recorded that you withdrew your consent: we will no longer process your data here. A person from our team can talk to you if you need.",
    yes: 'Yes', no: 'No', human: 'Talk to a person',
  },
};

const words = (text: string) => fold(text).replace(/[^\p{L}\p{N}' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
/** "sim", "sí", "yes", "aceito", "acepto", "ok" (and "sim, pode marcar") agree; "não quero" does not. */
export const grantsConsent = (text: string) => GRANT.test(words(text)) && !NEGATED.test(words(text).split(' ').slice(1).join(' '));
/** "não", "no", "não, obrigado": a short no ("no budget yet" answers something else). */
export const refusesConsent = (text: string) => REFUSE.test(words(text)) && words(text).split(' ').length <= 3;
/** "retiro meu consentimento", "revoco mi consentimiento", "I withdraw my consent". */
export const withdrawsConsent = (text: string) => WITHDRAW.test(words(text));

const MENU_NUMBER = /^\s*(?:#|n[º°o]?\s*)?(\d)\s*[.)!]?\s*$/;
/**
 * SMS, email and other channels without buttons show the gate's choices as a numbered menu and
 * ask for the number: "1" is Yes to the question, and after a refusal "1" is the person offered.
 * Not while a reminder or rating question awaits its own numbered answer.
 */
export function menuChoice(state: ConversationState, text: string): 'consent-yes' | 'consent-no' | 'consent-human' | undefined {
  const status = state.consent?.status;
  if (state.awaiting) return undefined;
  const shown = status === 'pending' ? (['consent-yes', 'consent-no'] as const) : status === 'refused' || status === 'withdrawn' ? (['consent-human'] as const) : [];
  const n = Number(MENU_NUMBER.exec(fold(text))?.[1]);
  return shown[n - 1];
}

/** Whether this message is for the consent gate rather than the assistant (and so never for an LLM). */
export function consentGateApplies(state: ConversationState, text: string, ctx: Pick<PolicyContext, 'consent'>): boolean {
  if (!ctx.consent || state.stage === 'opted_out') return false;
  return state.consent?.status !== 'granted' || withdrawsConsent(text);
}

/**
 * Consent on first contact (LGPD, GDPR). Until the contact agrees, nothing they say is acted
 * on: the first message is kept and answered right after they say yes. Asking for a person or
 * to stop messages always goes through. Undefined: the message is the assistant's to answer.
 */
export function consentGate(state: ConversationState, message: HeldMessage, ctx: PolicyContext, next: Continue): StepResult | undefined {
  const required = ctx.consent;
  const intent = message.understanding.intent;
  if (!required || !consentGateApplies(state, message.text, ctx)) return undefined;
  if (intent === 'ask_human' || intent === 'opt_out' || intent === 'erase_data') return undefined;
  const lang = message.understanding.lang;
  const p = phrases[lang];
  const at = { ...state, lang, lastActivityAt: ctx.now };
  const only = (s: ConversationState, replies: Reply[]): StepResult => ({ state: s, replies, commands: [] });
  const human = { id: 'consent-human', label: p.human };
  const status = state.consent?.status;
  const picked = menuChoice(state, message.text);

  if (picked === 'consent-human') return next(state, { ...message, understanding: { ...message.understanding, intent: 'ask_human' } });
  if (status === 'granted') return only({ ...at, consent: { status: 'withdrawn' } }, [{ text: p.withdrawn, options: [human] }]);
  if (status !== undefined && (picked === 'consent-yes' || grantsConsent(message.text))) {
    const granted = { ...at, consent: { status: 'granted' as const } };
    const held = state.consent?.held;
    const continued = held ? next(granted, held) : undefined;
    return { state: continued?.state ?? granted, replies: [{ text: p.thanks }, ...(continued?.replies ?? [])], commands: continued?.commands ?? [] };
  }
  if (status === 'pending' && (picked === 'consent-no' || refusesConsent(message.text))) return only({ ...at, consent: { status: 'refused' } }, [{ text: p.refused, options: [human] }]);
  if (status === 'refused' || status === 'withdrawn') return only(at, [{ text: p.needed, options: [human] }]);
  // First contact, or an answer we could not read: ask (again), keeping the first request.
  const question = required.text[lang] ?? Object.values(required.text)[0] ?? '';
  const held = state.consent?.held ?? message;
  return only({ ...at, consent: { status: 'pending', held } },
    [{ text: question, options: [{ id: 'consent-yes', label: p.yes }, { id: 'consent-no', label: p.no }], sources: ['privacy.consent'] }]);
}

/** The ledger is the truth: an answer recorded elsewhere (another channel, staff on paper) wins over the conversation's memory. */
export function withLedger(state: ConversationState, ledger: 'granted' | 'refused' | 'withdrawn' | 'none'): ConversationState {
  if (ledger === 'none') return state.consent?.status === 'pending' ? state : { ...state, consent: undefined };
  if (state.consent?.status === ledger) return state;
  return { ...state, consent: { status: ledger } };
}

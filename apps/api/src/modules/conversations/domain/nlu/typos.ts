/**
 * Typo repair for the words intents hinge on ("canclar" → "cancelar", "appointmnet" →
 * "appointment", "obrigdo" → "obrigado"): a word that is not itself known vocabulary and lies
 * within one edit (two for long words) of a key word, with the same first letter, becomes it.
 */
import { editDistance } from './catalogue-match';

const KEY_WORDS = [
  'cancelar', 'cancelled', 'canceled', 'cancellation', 'desmarcar', 'desconectar', 'reservar', 'reservation',
  'agendar', 'agendamento', 'remarcar', 'reagendar', 'reprogramar', 'reschedule', 'postpone', 'posponer',
  'appointment', 'appointments', 'horario', 'horarios', 'precios', 'endereco', 'direccion', 'ubicacion',
  'address', 'location', 'obrigado', 'obrigada', 'gracias', 'alarma', 'alarmas', 'recordatorio',
  'recordatorios', 'recuerdame', 'configurar', 'programar', 'establecer', 'disponible', 'disponibilidad',
  'disponivel', 'available', 'availability', 'calendar', 'schedule', 'unsubscribe', 'atendente', 'perfecto',
  'perfeito', 'perfect', 'confirmo', 'tomorrow', 'weather', 'temperatura', 'pronostico', 'llovera', 'avaliacao',
  'matricula', 'mensalidade', 'mudanza', 'mudanca', 'haircut', 'consulta', 'correct', 'correcto',
];

const BY_FIRST = new Map<string, string[]>();
for (const w of KEY_WORDS) {
  const list = BY_FIRST.get(w.charAt(0)) ?? [];
  list.push(w);
  BY_FIRST.set(w.charAt(0), list);
}

export function repairTypos(norm: string, known: ReadonlySet<string>): string {
  if (!norm) return norm;
  let changed = false;
  const out = norm.split(' ').map((tok) => {
    if (tok.length < 5 || known.has(tok) || /\d/.test(tok)) return tok;
    const candidates = BY_FIRST.get(tok.charAt(0));
    if (!candidates) return tok;
    for (const key of candidates) {
      if (key === tok) return tok;
      const max = key.length >= 8 ? 2 : 1;
      if (Math.abs(key.length - tok.length) <= max && editDistance(tok, key, max) <= max) {
        changed = true;
        return key;
      }
    }
    return tok;
  });
  return changed ? out.join(' ') : norm;
}

/** Word lists shared by the name, place and title finders (folded: lower case, no accents). */
import { KNOWN_WORDS } from '../intent';

/** Capitalised sentence openers and question words that never start a name (pt / es / en). */
export const SENTENCE_WORDS: ReadonlySet<string> = new Set([
  'yea', 'yup', 'yeah', 'actually', 'possibly', 'maybe', 'perhaps', 'please', 'great', 'okay', 'cool', 'sure',
  'alright', 'also', 'just', 'then', 'well', 'oh', 'hmm', 'hey', 'hi', 'hello', 'thanks', 'thank', 'sorry', 'now',
  'ok', 'no', 'yes', 'nope', 'fine', 'good', 'nice', 'perfect', 'excellent', 'wonderful', 'awesome', 'fantastic',
  'is', 'are', 'do', 'does', 'can', 'could', 'would', 'will', 'what', 'which', 'where', 'when', 'how', 'who', 'why',
  'book', 'find', 'search', 'look', 'get', 'make', 'set', 'add', 'put', 'try', 'check', 'tell', 'give', 'show',
  'let', 'lets', 'that', 'this', 'it', 'they', 'there', 'i', 'you', 'we', 'my', 'your', 'the', 'a', 'an',
  'preferably', 'ideally', 'anyone', 'anything', 'someone', 'something', 'any', 'bye', 'goodbye',
  'hola', 'oi', 'ola', 'gracias', 'obrigado', 'obrigada', 'bueno', 'buenas', 'buenos', 'bom', 'boa', 'si', 'sim',
  'nao', 'claro', 'dale', 'vale', 'perfecto', 'perfeito', 'genial', 'quiero', 'quero', 'queria', 'puedo', 'posso',
  'tenes', 'tienen', 'tem', 'hay', 'donde', 'onde', 'cuando', 'quando', 'que', 'quien', 'quem', 'como',
]);

/** Ordinary words: lexicon and function words of the three languages. */
export const isOrdinary = (low: string) => KNOWN_WORDS.has(low.replace(/['’].*$/u, ''));

/** Lowercase words that continue a place name ("Redwood city", "Walnut creek"). */
export const PLACE_TAIL: ReadonlySet<string> = new Set([
  'city', 'creek', 'hill', 'hills', 'valley', 'park', 'beach', 'view', 'bay', 'gatos', 'altos', 'heights', 'grove',
  'springs', 'village',
]);

/** Words that make a capitalised span a business ("Sunrise Dental", "Barbería Don Juan"). */
export const BUSINESS = /\b(?:salon|salons|salão|salao|salón|dental|dentistry|dentist|barbershop|barber|barbería|barberia|barbearia|peluquería|peluqueria|clinic|clínica|clinica|consultorio|consultório|studio|estudio|estúdio|hair|md|dds|center|centre|centro|medical|health|associates|group|lab|spa|cuts|clips|orthodontics|family|inc|llc|office|practice|care|beauty|estética|estetica|hospital|pharmacy|farmacia|farmácia)\b|^dr\b/iu;

/** Lowercase words that continue a business name ("C K Dental lab", "Ana hair studio"). */
export const BUSINESS_TAIL: ReadonlySet<string> = new Set(['lab', 'studio', 'center', 'centre', 'spa', 'dental', 'group']);

/** Joining words inside names ("Miller and Mane", "Casa de Pedra", "Silva e Souza"). */
export const CONNECT: ReadonlySet<string> = new Set(['of', 'and', '&', 'the', 'vs', 'de', 'del', 'la', 'da', 'do', 'dos', 'das', 'e', 'y']);

/** Professional credentials after a name: "Jonathan S. Berek, MD, MMS", "Ana Souza, DDS". */
export const CREDENTIAL = /^(?:M\.?D|D\.?D\.?S|D\.?M\.?D|Ph\.?D|Psy\.?D|MMS|MPH|DO|RN|NP|PA|LCSW|LMFT|MFT|LPC|FACS)\.?$/u;

/** Month and weekday names (pt / es / en, folded): never the start of a name or place. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow', 'tonight',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre',
  'noviembre', 'diciembre', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'hoy', 'manana',
  'janeiro', 'fevereiro', 'marco', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'hoje', 'amanha',
]);

/** Articles skipped between a trigger and the name ("at the Revamp Salon", "con el Dr. Pérez"). */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an', 'el', 'la', 'los', 'las', 'un', 'una', 'o', 'os', 'as', 'um', 'uma']);

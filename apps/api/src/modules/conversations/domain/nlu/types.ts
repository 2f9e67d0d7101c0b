/** What the embedded understanding (no external service) returns for one customer message. */

export type Lang = 'pt' | 'es' | 'en';

export const INTENTS = [
  'greet', 'book', 'reschedule', 'cancel', 'ask_price', 'ask_hours', 'ask_location', 'ask_services',
  'affirm', 'deny', 'choose_option', 'inform', 'ask_human', 'thanks', 'goodbye', 'opt_out', 'erase_data', 'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** A date and/or time the customer mentioned, resolved in the business's time zone. */
export interface DateTimeMention {
  text: string;              // the words as written
  start: number;             // character offsets in the original message
  end: number;
  date?: string;             // YYYY-MM-DD, when a single day is meant
  dateRange?: { from: string; to: string };   // inclusive local dates: "this weekend", "next week"
  time?: string;             // HH:MM (24 h) when a time of day was given
  timeRange?: { from?: string; to?: string }; // "after 5" → {from:'17:00'}; "before noon" → {to:'12:00'}
  partOfDay?: PartOfDay;     // "de manhã", "a la tarde", "in the evening"
}

export interface CatalogueEntry { id: string; name: string; synonyms?: string[] }

/** What the assistant's last message asked for: a bare answer ("Sunnyvale.") is then read as that. */
export type Awaited = 'provider' | 'place' | 'address' | 'title';

export interface UnderstandContext {
  now: number;               // epoch ms
  timeZone: string;          // the tenant's IANA zone
  locale: string;            // the tenant's locale, e.g. pt-BR (a hint for language detection)
  lastLang?: Lang;           // the conversation's language so far
  services: CatalogueEntry[];
  staff: CatalogueEntry[];
  subjects?: CatalogueEntry[];               // Kumon: Matemática, Português, Inglês
  /** Options the assistant offered in its last reply, in order (quick replies / numbered slots). */
  offered?: { id: string; label: string; date?: string; time?: string }[];
  /** What the assistant just asked for (the professional's name, the town, the address, a title). */
  awaiting?: Awaited[];
}

export interface Match { id: string; name: string; score: number }

export interface Understanding {
  lang: Lang;
  intent: Intent;
  confidence: number;                        // 0..1
  ranked: { intent: Intent; score: number }[];
  dateTimes: DateTimeMention[];
  chosenOptionId?: string;                   // set with intent choose_option
  entities: {
    phone?: string;                          // E.164
    email?: string;
    people?: number;
    personName?: string;                     // "my name is …", "me llamo …", "meu nome é …"
    age?: number;
    schoolYear?: string;                     // "5º ano", "3rd grade"
    /** As written, catalogue or not (spans/): "con la Dra. Pérez" → "Dra. Pérez", "at Great Clips". */
    providerName?: string;
    place?: string;                          // a town or area: "in Sunnyvale", "em Pinheiros"
    address?: string;                        // a street address or venue: "Rua Augusta, 1500"
    title?: string;                          // what to call an event: "call it Team sync"
    services: Match[];
    staff: Match[];
    subjects: Match[];
  };
}

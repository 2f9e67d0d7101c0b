/** The patterns behind findTitle (titles.ts documents what they mean). */
const Q = String.raw;

const TITLE_WORD = Q`(?:event\s+|main\s+|activity\s+)?(?:title|tittle|name|label)`;
const DET = Q`(?:the\s+|a\s+|an\s+|this\s+)?`;
const OBJECT = Q`(?:it|this|that|the\s+event(?:\s+title)?|this\s+event|the\s+even|event)`;
const NOT_VALUE = Q`(?!as\b|it\b|the\s+event\b|for\b|of\b|is\b|to\b|me\b|and\b|should\b|would\b|will\b)`;

/** A marker, then the title. */
export const BEFORE: RegExp[] = [
  // "called X", "titled X", "label it X", "call the event title X", "name it X", "it to be named X"
  Q`\b(?:(?:titled|entitled|labell?ed|called|llamad[oa]|chamad[oa]|titulad[oa]|intitulad[oa]|be\s+named)(?:\s+${OBJECT})?|(?:call|title|label|name)\s+${OBJECT})(?:\s+(?:as|be|to\s+be))?\s+${NOT_VALUE}`,
  // "the title is X", "the title of the event should be X", "the name is X", "el título es X", "o nome é X"
  Q`(?<!\bmy\s|\byour\s|\bhis\s|\bher\s|['’]s\s)\b(?:event\s+)?(?:title|tittle|name|label|t[ií]tulo|nombre|nome)(?:\s+(?:of|for|del|do)\s+(?:the|this|el|o)\s+(?:event|evento))?(?:\s+to\s+use)?\s+(?:is|should\s+be|will\s+be|can\s+be|would\s+be|es|é|ser[aá]|sea|seja)(?:\s+called)?\s+`,
  // "under the name X", "with the name X", "by the name X", "con el título X", "com o nome X"
  Q`\b(?:under|with|by|in|con|com)\s+(?:the\s+|el\s+|o\s+)?(?:event\s+)?(?:name|title|label|t[ií]tulo|nombre|nome)(?:\s+as|\s+de)?\s+${NOT_VALUE}`,
  // "make the title X", "give it the title X", "use the title X", "this title X"
  Q`\b(?:(?:make|give\s+it|use|put|set|call|with)(?:\s+the)?|this)\s+(?:event\s+)?(?:title|tittle|name)(?:\s+(?:as|to))?\s+${NOT_VALUE}`,
  // "save it as X", "put the event as X", "put it under X", "log it under X"
  Q`\b(?:save|put|add|log|list|mark|pencil|place|include|write|note|schedule|set|file|keep)(?:\s+(?:it|this|that|in|down|this\s+event|the\s+event))*(?:\s+(?:in|on|to)\s+(?:my|the)\s+calendar)?\s+(?:as|under)\s+(?:a\s+|an\s+)?`,
].map((s) => new RegExp(s, 'iu'));
// ", title Movie booking for High Life": a bare "title" before a capitalised value (case-sensitive).
BEFORE.push(/(?:^|[,.:]\s*|\s)(?:[Tt]itle|[Tt][ií]tulo)\s+(?=\p{Lu})/u);

const VERB = Q`(?:put\s+in|pencil\s+in|use|put|give|make|input|add|write|set|have|place|enter|type|log|say|prefer|call|label|pon|poné|usa|usá|coloca|põe)`;
/** The title, then a marker. Captures never cross a sentence or another verb. */
export const AFTER: RegExp[] = [
  new RegExp(Q`\b${VERB}\s+(?:it\s+|in\s+)?((?:(?!\b${VERB}\b)[^.!?])+?)\s+(?:as|for)\s+${DET}${TITLE_WORD}`, 'iu'),
  new RegExp(Q`(?:^|[.!?]\s+)(?:and\s+)?([^.!?]+?)\s+(?:is|would\s+be|will\s+be|should\s+be|should\s+work|works|can\s+be)\s+(?:for\s+)?(?:the\s+|a\s+(?:good\s+|fine\s+)?|an\s+)?(?:event\s+)?(?:title|name|label)`, 'iu'),
];
/** "add doctor appointment to my calendar" (not "add this appointment to my calendar"). */
export const CALENDAR_ADD = new RegExp(Q`\b(?:add|put|pencil\s+in|log|write|use|set|place|save|note|input)\s+(?!(?:it|them|me|us|something|down|in)\b)([^.!?]+?)\s+(?:to|in|on|into)\s+(?:my\s+|the\s+)?(?:calendar|schedule|agenda)`, 'iu');

/** Lower-case clause words that end a title (case-sensitive: "Invisalign And Orthodontic Group" keeps its "And"). */
export const STOP = new RegExp(Q`(?:^|\s+)(?:and\b|which\b|with\s+(?:a\s+|the\s+)?(?:start\s+)?time|(?:to|in|on|into|ot)\s+(?:my|the|a|may)\s+(?:calend|schedule|itinerary|agenda|time\s+slot|slot)|(?:as|for|in)\s+${DET}(?:event\s+|main\s+)?(?:title|tittle|name|label)|as\s+(?:an?\s+)?event\b|is\s+(?:the\s+)?(?:event\s+)?(?:title|name|label)|for\s+the\s+event\b|should\s+work|will\s+do|would\s+be|is\s+fine|please|starts?\b|begins?\b|located\b|in\s+the\s+(?:time\s+)?slot|to\s+title|for\s+(?:the\s+)?time|as\s+the\s+time|y\s|e\s|para\s+(?:el|o|a)\s)|(?<!\b\p{Lu})[.!?;](?=\s|$)|,(?!\s*(?:M\.?D|D\.?D\.?S|Ph\.?D|FACS|MMS|MPH)\b)`, 'u');
export const LEAD = /^(?:(?:as|the|a|an|this|that|these|my|your|our|event|title|name|label|should be|would be|will be|is|be|use|el|la|o|um|uma|un|una|es|é|sea|seja)\s+)+/iu;
export const TRAIL = /(?:\s+(?:at|for|on|in|of|from|by|add|put|and|the|to|with|is|it|set|a|an|en|em|para|a las|às|as))+$/iu;
export const PRONOUN = /^(?:it|this|that|event|(?:an?|one|new) event|details|something|me|down|well|one|now|them|here|there|time|date|following|same)$/i;
/** A bare answer is a noun phrase: with a finite verb it is a sentence about something else ("The address is correct"). */
export const CLAUSE = /\b(?:is|are|was|were|will|would|should|could|can|want|need|like|sounds|seems|looks|have|has|do|does|did|am|think|thinking)\b/i;
export const GENERIC = /^(?:appointment|visit|reservation|meeting|event|booking)s?$/i;
export const JUDGEMENT = /^(?:correct|right|fine|good|great|nice|cool|awesome|perfect|ok|okay|yes|yeah|sure|no|nope|thanks|thank you|sounds|that's|correcto|correto|perfecto|perfeito|bien|bem|sí|si|sim|vale|dale|listo|ótimo|otimo)\b/i;
export const OPENS_WITH_PREP = /^(?:at|on|for|in|to|with|from|by|as|down|up|gonna|going|located|scheduled|happening|an|a|if|is|are|was)\b|^\d/i;
/** A leading "yes, just put", "let's use", "you can set it as" before the answer. */
export const ANSWER = new RegExp(Q`^(?:(?:yes|ok|okay|sure|great|just|please|you\s+can|let's|lets|let\s+us|i\s+prefer|i'd\s+prefer|make\s+it|${VERB}|(?:call|label|name|title)\s+it|it(?:'s|\s+is)|make\s+it|go\s+with|as)[,.!\s]+)*`, 'iu');

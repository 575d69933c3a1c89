/**
 * Checks a customer-visible text for wording that admits fault or liability before it has been
 * established, that blames anyone (a colleague, a process, or the customer themselves), that
 * apologises without apologising ("sorry you feel that way", "sorry, but"), or that dismisses
 * the customer ("calm down", "nothing we can do"). Sympathy and apologies for the trouble are
 * fine and are not flagged.
 *
 * The check is a table of regular expressions: predictable, explainable, and easy to extend. It
 * guides staff; it does not block sending.
 */

export type BlameKind =
  | "fault_admission"
  | "liability"
  | "blames_colleague"
  | "blames_process"
  | "blames_customer"
  | "non_apology"
  | "dismissive";

/** What each kind is called where staff read it: the composer's review and the timeline. */
export const BLAME_KIND_LABELS = {
  fault_admission: "Admits fault",
  liability: "Accepts liability",
  blames_colleague: "Blames a colleague",
  blames_process: "Blames a process or system",
  blames_customer: "Blames the customer",
  non_apology: "Not a real apology",
  dismissive: "Dismisses the customer",
} satisfies Record<BlameKind, string>;

/** Kinds that become honest once a supervisor confirms the fault as the service's; the rest never do. */
const ALLOWED_ONCE_FAULT_CONFIRMED: ReadonlySet<BlameKind> = new Set(["fault_admission", "liability"]);

export interface BlameFlag {
  kind: BlameKind;
  /** The text that matched, exactly as written. */
  match: string;
  /** Offsets into the checked text: text.slice(start, end) === match. */
  start: number;
  end: number;
  explanation: string;
  suggestion: string;
}

export interface BlameCheckOptions {
  /** A supervisor confirmed the fault as the service's: admitting it is now honest and allowed. */
  faultConfirmedAsService: boolean;
}

// Straight, curly and modifier-letter apostrophes all occur in pasted text.
const A = "['’ʼ]";
const ADVERB = "(?:(?:entirely|completely|totally|fully|clearly|really|definitely|all|absolutely|legally|solely)\\s+)?";
const WE = `(?:we|I)(?:${A}ve|\\s+have|\\s+had)?`;
const WE_ARE = `(?:we(?:\\s+are|\\s+were|${A}re)|I(?:\\s+am|\\s+was|${A}m)|the\\s+company\\s+(?:is|was))`;
// What a business would be liable for; a bare "this"/"it" counts only at the end of a clause, so
// "responsible for this repair" (ownership of the task) is not read as liability.
const HARM =
  "(?:(?:the|any|all|this|that|your)\\s+)?(?:damages?|loss(?:es)?|injur(?:y|ies)|harm|breakage|costs?|mistakes?|errors?|what\\s+happened)\\b|(?:this|that|it)(?=\\s*(?:[.,;!?]|$))";

/** Joins regex sources into one non-capturing alternation. */
const anyOf = (...parts: string[]) => `(?:${parts.join("|")})`;

const STAFF_NOUN = anyOf(
  ...["colleagues?", "co-?workers?", "managers?", "supervisors?", "boss", "installers?", "engineers?", "technicians?"],
  ...["drivers?", "couriers?", "fitters?", "agents?", "assistants?", "receptionists?", "staff", "team", "department"],
  ...["warehouse", "shift", "employees?", "reps?", "representatives?", "sales(?:man|men|person|people)", "contractors?"],
  ...["partners?", "guy", "lady", "girl", "person", "people", "office", "accounts"],
);
const PROCESS_NOUN = anyOf(
  ...["systems?", "process(?:es)?", "procedures?", "software", "website", "computers?", "app", "database"],
  ...["polic(?:y|ies)", "paperwork", "setup", "tills?", "booking\\s+tool"],
);
/** A colleague or team: "my colleague", "the warehouse team", "our night shift". */
const WHO = `(?:(?:my|our|the|that|this|his|her)\\s+(?:[\\w-]+\\s+){0,2}?${STAFF_NOUN})`;
/** One of the business's own systems or processes: "our billing system". */
const WHAT = `(?:(?:our|the|this|that)\\s+(?:[\\w-]+\\s+){0,2}?${PROCESS_NOUN})`;
/** Something done wrong, said of someone else. */
const BLAME_VERB = anyOf(
  "got\\s+(?:it|this|that|(?:your|the)\\s+[\\w-]+)\\s+wrong",
  "(?:messed|screwed|mucked|fouled)\\s+(?:(?:it|this|that|things|everything)\\s+)?up",
  "made\\s+(?:a|an)\\s+(?:[\\w-]+\\s+)?(?:mistake|error|mess|blunder)",
  "dropped\\s+the\\s+ball",
  "(?:gave|told)\\s+you\\s+(?:the\\s+)?(?:wrong|incorrect|bad)\\b",
  "misinformed\\s+you",
  `(?:can${A}t|cannot)\\s+(?:do|get)\\s+anything\\s+right`,
);
/** A disparaging verdict: "is useless", "are a joke", "was to blame". */
const BAD = `(?:is|are|was|were|${A}s|${A}re)\\s+(?:(?:so|really|completely|totally|absolutely|just|utterly)\\s+)?${anyOf(
  "useless|incompetent|hopeless|lazy|clueless|careless|rubbish|terrible|awful|ridiculous|unreliable",
  "a\\s+(?:total\\s+|complete\\s+)?(?:joke|nightmare|mess|shambles|disaster)",
  "(?:an\\s+)?idiots?",
  "to\\s+blame|at\\s+fault|in\\s+the\\s+wrong",
  "always\\s+(?:late|wrong|down|breaking)",
)}`;

const EXPLAIN = {
  fault_admission:
    "Admitting fault before it has been established can expose the business legally. Sympathise with the trouble instead, and say you are finding out what happened.",
  liability:
    "Accepting responsibility for damage or loss in writing can be read as accepting legal liability. Offer help or a goodwill gesture without saying the business is liable.",
  blames_colleague:
    "Blaming a colleague or team in front of the customer makes the business look divided and out of control. The customer needs to hear what you will do, not who is at fault.",
  blames_process:
    "Criticising your own systems or processes to the customer undermines their trust. Say what you will do to put it right.",
  blames_customer:
    "Telling the customer what they did wrong puts them on the defensive, whoever is right. Acknowledge what happened and say what can be done now.",
  non_apology:
    "This apologises for the customer's feelings, makes the apology conditional, or takes it back with \"but\": customers hear it as no apology at all. Apologise plainly for the trouble.",
  dismissive:
    "This dismisses the customer's concern. Show that you have understood it and say what you can do, even when the answer is limited.",
} satisfies Record<BlameKind, string>;

const SUGGEST = {
  fault_admission: "I'm sorry for the trouble this has caused; we are looking into what happened.",
  liability: "I'm sorry for the trouble this has caused. Here is what we can do to put it right: …",
  blames_colleague: "I'm sorry for the confusion. Let me make sure you have the right information: …",
  blames_process: "I'm sorry this didn't go as it should have. Here is what I am doing to sort it out: …",
  blames_customer: "I understand how this happened. Here is what we can do now: …",
  non_apology: "I'm sorry for the trouble this has caused you.",
  dismissive: "I understand this is frustrating. Here is what I can do: …",
} satisfies Record<BlameKind, string>;

interface Rule {
  kind: BlameKind;
  pattern: RegExp;
  suggestion?: string;
}

const rule = (kind: BlameKind, source: string, suggestion?: string): Rule => ({
  kind,
  pattern: new RegExp(`\\b${source}(?![\\w-])`, "gi"),
  suggestion,
});

/** Earlier rules win when two matches overlap. */
const RULES: Rule[] = [
  // "our fault", "my mistake", "entirely our error", "the company's fault"
  rule("fault_admission", `(?:our|my)\\s+(?:own\\s+)?(?:fault|mistake|error|blunder|screw-?up|cock-?up)s?(?!\\s+(?:messages?|codes?|logs?|rates?|reports?))`),
  rule("fault_admission", `(?:the\\s+company|the\\s+business|our\\s+company)${A}s\\s+(?:fault|mistake|error)`),
  rule("fault_admission", `the\\s+(?:fault|blame|mistake)\\s+(?:is|was|lies)\\s+${ADVERB}(?:ours|mine|with\\s+us|with\\s+me)`),
  rule("fault_admission", `${WE_ARE}\\s+${ADVERB}(?:at\\s+fault|to\\s+blame|in\\s+the\\s+wrong)`),
  rule("fault_admission", `${WE}\\s+${ADVERB}(?:messed|screwed|mucked|fouled)\\s+(?:(?:it|this|that|things|everything|your\\s+[\\w-]+)\\s+)?up`),
  rule("fault_admission", `${WE}\\s+${ADVERB}(?:made|make)\\s+(?:a|an|some)\\s+(?:[\\w-]+\\s+)?(?:mistakes?|errors?|blunders?)`),
  rule("fault_admission", `${WE}\\s+${ADVERB}got\\s+(?:it|this|that|(?:your|the)\\s+[\\w-]+)\\s+wrong`),
  rule("fault_admission", `${WE}\\s+${ADVERB}(?:caused|broke|broken|damaged|ruined|smashed|scratched|destroyed|dropped\\s+the\\s+ball|lost\\s+(?:your|the))`),
  rule("fault_admission", `(?:we|I)\\s+(?:(?:fully|freely|readily)\\s+)?admit(?:s|ted)?`),
  rule("fault_admission", `(?:we|I)(?:${A}ll|\\s+will)?\\s+(?:take|accept|hold\\s+our\\s+hands\\s+up\\s+and\\s+take)\\s+(?:full\\s+|all\\s+|the\\s+)?(?:blame)`),
  rule("fault_admission", `our\\s+(?:[\\w-]+\\s+)?${STAFF_NOUN}\\s+(?:broke|damaged|ruined|smashed|scratched|cracked|destroyed|lost)`),
  // Liability: "we are liable", "we are responsible for the damage", "we accept liability"
  rule("liability", `${WE_ARE}\\s+${ADVERB}liable`),
  rule("liability", `${WE_ARE}\\s+${ADVERB}(?:responsible|accountable)\\s+for\\s+(?:${HARM})`),
  rule("liability", `(?:accept|admit|acknowledge|take|bear)\\s+(?:full\\s+|complete\\s+|all\\s+)?liability`),
  rule("liability", `(?:accept|take|bear)\\s+(?:full\\s+|complete\\s+|all\\s+)?responsibility\\s+for\\s+(?:${HARM})`),
  rule("liability", `(?:our|my)\\s+liability`),
  rule(
    "liability",
    `compensate\\s+(?:you\\s+)?for\\s+(?:the\\s+|any\\s+|all\\s+|your\\s+)?(?:damage|damages|loss|losses|injury|injuries|harm)`,
    "As a gesture of goodwill, we would like to offer you …",
  ),
  // Blaming a process: "our billing system is a mess", "blame the system", "the system's fault"
  rule("blames_process", `${WHAT}\\s+${BAD}`),
  rule("blames_process", `${WHAT}\\s+${BLAME_VERB}`),
  rule("blames_process", `${WHAT}${A}s?\\s+(?:fault|mistake|error)`),
  rule("blames_process", `blam(?:e|es|ed|ing)\\s+(?:it\\s+on\\s+)?${WHAT}`),
  // Blaming a colleague: "my colleague got it wrong", "the courier is useless", "blame the installer"
  rule("blames_colleague", `${WHO}\\s+${BLAME_VERB}`),
  rule("blames_colleague", `${WHO}\\s+${BAD}`),
  rule("blames_colleague", `${WHO}${A}s?\\s+(?:fault|mistake|error)`),
  rule("blames_colleague", `blam(?:e|es|ed|ing)\\s+(?:it\\s+on\\s+)?${WHO}`),
  rule("blames_colleague", `(?:he|she|they)\\s+(?:really\\s+)?(?:should(?:\\s+not|n${A}t|\\s+never)\\s+have\\s+(?:told|said|promised|offered|agreed|sent|booked|charged|done)|${BLAME_VERB})`),
  // Non-apologies, before blame of the customer: "sorry you feel that way, but you should have …"
  // is first of all not an apology.
  rule("non_apology", `(?:sorry|apologi[sz]e)\\s+(?:that\\s+)?you\\s+(?:feel|felt|think|thought|believe|believed|see\\s+it|took\\s+it|(?:are|were)\\s+(?:upset|unhappy|offended|disappointed)|found)`),
  rule("non_apology", `(?:sorry|apologi[sz]e)\\s+if\\b`),
  rule("non_apology", `sorry,?\\s+but\\b`),
  rule("non_apology", `(?:sorry|apologi[sz]e)\\s+for\\s+any\\s+(?:inconvenience|trouble|upset|distress|confusion)\\s+(?:(?:this|that|which|it|we)\\s+)?(?:may|might|could)\\s+have\\s+(?:caused|had)`),
  rule("non_apology", `(?:sorry|apologi[sz]e)\\s+for\\s+(?:any|the|your)\\s+(?:confusion|misunderstanding)\\s+(?:on\\s+your\\s+(?:part|side|end)|you\\s+(?:caused|created))`),
  rule("non_apology", `mistakes\\s+(?:were|have\\s+been)\\s+made`),
  // Blaming or correcting the customer: "you should have read the terms", "as clearly stated".
  // "You should have received an email" tells them what to expect, so it is not blame.
  rule("blames_customer", `you\\s+(?:really\\s+)?(?:should|ought\\s+to)(?:\\s+not|n${A}t|\\s+never)?\\s+have\\s+(?!(?:received|got|gotten|been|had|heard|seen\\s+(?:an?|our)\\s+(?:email|message|letter|text))\\b)[\\w-]+`),
  rule("blames_customer", `you\\s+(?:(?:clearly|obviously|simply)\\s+)?(?:failed|neglected|forgot|chose)\\s+to`),
  rule("blames_customer", `you\\s+(?:(?:clearly|obviously|simply)\\s+)?(?:didn${A}t|did\\s+not|never)\\s+(?:bother\\s+to\\s+)?(?:read|check|follow|tell|inform|provide|fill|notify|give|ask|pay\\s+attention|look)`),
  rule("blames_customer", `you\\s+(?:must\\s+have\\s+|(?:clearly|obviously)\\s+)?(?:misread|misunderstood|ignored|overlooked|missed\\s+the)`),
  rule("blames_customer", `as\\s+(?:was\\s+|is\\s+)?(?:clearly|explicitly|plainly|already|previously)\\s+(?:stated|explained|mentioned|shown|set\\s+out|written|communicated)`),
  rule("blames_customer", `as\\s+(?:I|we)\\s+(?:have\\s+)?(?:already|previously|clearly)\\s+(?:told|explained|said|informed|mentioned)`),
  rule("blames_customer", `(?:per|under|according\\s+to)\\s+(?:our|the)\\s+(?:policy|policies|terms(?:\\s+and\\s+conditions)?|rules)[\\s,]+(?:it\\s+is\\s+)?you\\s+(?:must|should|need\\s+to|have\\s+to|are\\s+required\\s+to)`),
  rule("blames_customer", `(?:it|this|that)(?:\\s+is|\\s+was|${A}s)\\s+(?:entirely\\s+|really\\s+|all\\s+)?your\\s+(?:own\\s+)?(?:fault|mistake|error|problem|responsibility|doing)`),
  rule("blames_customer", `the\\s+(?:fault|mistake|error|blame)\\s+(?:is|was|lies)\\s+(?:entirely\\s+)?(?:yours|with\\s+you)`),
  rule("blames_customer", `you(?:${A}re|\\s+are)\\s+(?:being\\s+)?(?:overreacting|unreasonable|ridiculous|difficult|dramatic|rude)`),
  // Dismissing the customer: "calm down", "nothing we can do", "not our problem".
  rule("dismissive", `calm\\s+down`),
  rule("dismissive", `nothing\\s+(?:more\\s+|else\\s+)?(?:we|I)\\s+can\\s+do`),
  rule("dismissive", `not\\s+(?:our|my)\\s+(?:problem|concern|department|job|issue)`),
  rule("dismissive", `(?:that${A}s|that\\s+is|it${A}s|it\\s+is)\\s+(?:just\\s+)?(?:the\\s+way\\s+it\\s+is|how\\s+it\\s+is|life)`),
  rule("dismissive", `take\\s+it\\s+or\\s+leave\\s+it`),
  rule("dismissive", `(?:there${A}s|there\\s+is)\\s+no\\s+need\\s+to\\s+(?:get\\s+)?(?:upset|angry|shout)`),
];

// A negation ("this was not our fault") or a condition ("whether our engineer damaged it") just
// before a match means nothing is being admitted.
const NEGATION = new RegExp(`\\b(?:not|cannot|never|no|nobody|neither|nor|if|whether)\\b|n${A}t\\b`, "i");
const CLAUSE_BREAK = /[.!?;:,\n]|\bbut\b/gi;

export function checkBlameLanguage(text: string, options: BlameCheckOptions): BlameFlag[] {
  const found: BlameFlag[] = [];
  for (const { kind, pattern, suggestion } of RULES) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      if (isNegated(text, start)) continue;
      // Asking whether it was our fault is not admitting it.
      if ((kind === "fault_admission" || kind === "liability") && isQuestion(text, end)) continue;
      found.push({ kind, match: m[0], start, end, explanation: EXPLAIN[kind], suggestion: suggestion ?? SUGGEST[kind] });
    }
  }
  // Overlaps are resolved before filtering, so a confirmed admission never resurfaces as blame.
  const allowed = options.faultConfirmedAsService ? found.filter((f) => !ALLOWED_ONCE_FAULT_CONFIRMED.has(f.kind)) : found;
  return allowed.sort((a, b) => a.start - b.start);
}

/** A negation among the last few words of the same clause, just before the match. */
function isNegated(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const breaks = [...before.matchAll(CLAUSE_BREAK)];
  const last = breaks[breaks.length - 1];
  const clause = last ? before.slice(last.index + last[0].length) : before;
  // Four words reach "I don't think it was our fault"; "no doubt" affirms rather than denies.
  const lastWords = clause.trim().split(/\s+/).slice(-4).join(" ").replace(/\bno\s+doubt\b/gi, "");
  return NEGATION.test(lastWords);
}

/** The sentence holding the match ends with a question mark. */
function isQuestion(text: string, end: number): boolean {
  const rest = text.slice(end);
  const stop = rest.search(/[.!?\n]/);
  return stop >= 0 && rest[stop] === "?";
}

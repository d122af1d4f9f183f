/** Question openings that expect no answer ("Isn't it obvious...?", "Who would ever...?"). */
export const RHETORICAL_QUESTION_PATTERNS: readonly RegExp[] = [
  /^(?:but |and |so |now |then |well,? )?(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|haven't|hasn't)\b/i,
  /^(?:but |and |so )?who (?:would|could|in (?:their|his|her) right mind|on earth|really|honestly|seriously|cares)\b/i,
  /^(?:but |and |so )?what (?:kind|sort) of (?:person|people|leader|country|city|society)\b/i,
  /^(?:but |and |so )?how (?:can|could|dare|much longer|long will|on earth)\b/i,
  /^(?:but |and |so )?why (?:should|would|on earth|must|do we (?:even|still))\b/i,
  /\bis it (?:any|really a|really any) (?:wonder|surprise)\b/i,
  /\b(?:do|does|did|are|is|can|should|would) (?:we|you|they|anyone|anybody) (?:really|honestly|seriously)\b/i,
  /\bwhat (?:could|can) possibly\b/i,
  /^(?:but |and |so )?what (?:else )?(?:would|could|do|did|can) you expect\b/i,
  /\bwhat(?:'s| is) the (?:point|harm|worst that)\b/i,
  /\b(?:right|isn't it|don't you think|wouldn't you agree)\?["'”’]?$/i,
];

/** Explicit in-group versus out-group framing. */
export const US_VERSUS_THEM_PATTERNS: readonly RegExp[] = [
  /\b(?:us|we) (?:versus|vs\.?|against) (?:them|they)\b/i,
  /\b(?:people|folks) like (?:us|you and me|you and I)\b/i,
  /\bthose people\b/i,
  /\b(?:the |coastal |liberal |political |media |global |wealthy )elites?\b/i,
  /\bthe ruling class\b/i,
  /\bthe establishment (?:wants|won't|doesn't|does not|will never|is afraid|hates)\b/i,
  /\b(?:they|them) (?:want|wants) to (?:take|destroy|control|silence|replace|ruin|erase|steal)\b/i,
  /\b(?:they|these people|those people) (?:don't|do not|never) care about (?:us|you|people like|ordinary|our)\b/i,
  /\benem(?:y|ies) of the people\b/i,
  /\bour side\b[^.?!]*\btheir side\b/i,
  /\b(?:real|ordinary|hardworking|hard-working|everyday) (?:americans|people|citizens|families|folks|taxpayers|workers|residents)\b[^.?!]*\b(?:they|them|those|elites?)\b/i,
  /\bwe (?:the people )?(?:will|must) (?:not |never )?(?:let|allow) (?:them|those)\b/i,
];

/** Words that turn a superlative into hype ("the worst decision ever", "the greatest in history"). */
export const SUPERLATIVE_PATTERN =
  /\b(?:the|by far the|the single|the very) (?:best|worst|greatest|biggest|largest|smallest|most \w+|least \w+|\w+iest|\w{3,}est)\b[^.?!]{0,60}?\b(?:ever|of all time|in (?:all of )?(?:the )?(?:human )?history|in the (?:world|universe|galaxy)|on (?:the )?(?:planet|earth)|imaginable|known to (?:man|humanity))\b/i;

/** Sentence openings too weak to count as anaphora when only two sentences share them. */
export const COMMON_OPENINGS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'there',
  'in',
  'on',
  'at',
  'for',
]);

import type { FallacyType } from '@orch/core';

/** One lexical cue for a fallacy type. */
export interface FallacyCuePattern {
  type: FallacyType;
  pattern: RegExp;
  /** Why this wording suggests the fallacy; completes "The phrase "…" …". */
  reason: string;
  /** Cue strength, 0..1. Lexicon matches are cues, not verdicts: kept between 0.4 and 0.7. */
  confidence: number;
  /** The cue does not count when the same sentence also matches this (e.g. a named source). */
  unless?: RegExp;
}

const ATTRIBUTED =
  /\baccording to\b|\b(?:published|journal|university|institute|bureau|department|agency|survey|study) (?:of|in|by|from)\b|\b[A-Z][a-z]+ (?:University|Institute|Journal|Bureau|Agency|Foundation)\b/;

const STATISTICAL = /\d|\bpercent\b|\bsurvey\b|\bpoll\b|\baccording to\b/i;

const INSULTS =
  'liars?|frauds?|clowns?|idiots?|hypocrites?|crooks?|fools?|morons?|grifters?|losers?|charlatans?|incompetent|stupid|corrupt|dishonest|cowards?|imbeciles?|lunatics?|a joke|clueless|shills?|puppets?';

/** Sweeping judgements of a group's character. */
const TRAITS =
  'lazy|corrupt|liars|crooks|greedy|selfish|stupid|dishonest|useless|incompetent|criminals|violent|dangerous|entitled|clueless|arrogant|evil|out of touch|in it for themselves|frauds|parasites';

/** A noun that names a person or a member of a group (patriot, scientist, fan, leader…). */
const PERSON_NOUN =
  '(?:[a-z]*(?:er|or|ist|ian|man|men|ot|zen|ive|al|ent)s?|persons?|people|fans?|parents?|christians?|muslims?|jews?|scots(?:man|men)?|friends?|members?)';

const GROUPS =
  'politicians|men|women|immigrants|liberals|conservatives|teenagers|millennials|boomers|lawyers|bankers|journalists|managers|bosses|employees|workers|remote workers|young people|old people|students|democrats|republicans|cops|police officers|environmentalists|activists|economists|scientists|experts|landlords|tenants|drivers|cyclists|foreigners|rich people|poor people|academics|bureaucrats|unions|corporations';

/**
 * The fallacy cue lexicon: several wordings per type of the fixed FALLACY_TYPES taxonomy.
 * Patterns are matched against one sentence at a time, case-insensitively unless noted.
 */
export const FALLACY_CUES: readonly FallacyCuePattern[] = [
  // ad-hominem: attacking the person instead of the argument
  {
    type: 'ad-hominem',
    pattern: /\bonly an? (?:idiot|fool|moron|imbecile|lunatic|clown|child)s? (?:would|could)\b/i,
    reason: 'dismisses anyone who disagrees as foolish instead of answering the argument',
    confidence: 0.65,
  },
  {
    type: 'ad-hominem',
    pattern: new RegExp(
      `\\b(?:he|she|they|you|my opponents?|his opponents?|her opponents?|these critics|the critics|the mayor|the senator|the councill?or|the minister|the author|these people|those people)(?: is|'s| are|'re)(?: just| nothing but| clearly| obviously| simply| all)?(?: a| an| such an?| bunch of| a bunch of)? (?:${INSULTS})\\b`,
      'i',
    ),
    reason: 'labels the person (liar, fraud, clown…) instead of addressing what they said',
    confidence: 0.6,
  },
  {
    type: 'ad-hominem',
    pattern:
      /\bwhat (?:else )?(?:would|could|do|can|did) you expect from (?:a|an|someone|somebody|people|these|those|him|her|them|the likes of|[a-z]+s who)\b/i,
    reason: 'dismisses the claim by pointing at who made it',
    confidence: 0.6,
  },
  {
    type: 'ad-hominem',
    pattern: /\bcoming from (?:someone|somebody|a man|a woman|a person|a guy|people) who\b/i,
    reason: "rejects the point because of the speaker's past or character",
    confidence: 0.55,
  },
  {
    type: 'ad-hominem',
    pattern:
      /\b(?:never|not once|hasn't|haven't|has never|have never) (?:even )?(?:held|had|worked) a real job\b/i,
    reason: "attacks the speaker's background instead of the argument",
    confidence: 0.5,
  },
  {
    type: 'ad-hominem',
    pattern:
      /\b(?:so-called experts?|armchair (?:experts?|critics?|economists?)|keyboard warriors?|ivory[- ]tower (?:academics?|types?|experts?))\b/i,
    reason: 'belittles the people holding a view rather than the view',
    confidence: 0.5,
  },
  {
    type: 'ad-hominem',
    pattern:
      /\bconsider the source\b|\b(?:can't|cannot|shouldn't) trust (?:anything|a word) (?:he|she|they|that man|that woman) says?\b/i,
    reason: 'asks the audience to reject a claim because of who made it',
    confidence: 0.5,
  },

  // straw-man: restating an opponent's position in a weaker or extreme form
  {
    type: 'straw-man',
    pattern:
      /\bso (?:what )?(?:you're|you are|they're|they are|he's|he is|she's|she is) (?:really |basically |actually )?saying\b/i,
    reason: "restates the other side's position in the speaker's own, usually more extreme, words",
    confidence: 0.6,
  },
  {
    type: 'straw-man',
    pattern:
      /\b(?:my|our|his|her|their|the) (?:opponents|critics|detractors|rivals|opposition)(?: on the council| in the debate)? (?:want|wants|would like) to (?:ban|abolish|destroy|eliminate|take away|get rid of|shut down|end|scrap|outlaw|kill)\b/i,
    reason: 'attributes an extreme aim to opponents instead of their actual argument',
    confidence: 0.55,
  },
  {
    type: 'straw-man',
    pattern:
      /\b(?:they|critics|opponents|my opponents|people like that|he|she) (?:would|will|want to) have you believe\b/i,
    reason: "characterises the opponents' view in a form that is easy to knock down",
    confidence: 0.55,
  },
  {
    type: 'straw-man',
    pattern:
      /\bwhat (?:they|he|she|my opponents?|the critics|critics) (?:really|actually) (?:want|wants|mean|means)\b/i,
    reason: "claims to reveal the opponents' 'real' position instead of engaging the stated one",
    confidence: 0.5,
  },
  {
    type: 'straw-man',
    pattern:
      /\bin other words,? (?:they|you|he|she|my opponents) (?:want|wants|think|thinks|believe|believes|don't care)\b/i,
    reason: "rephrases the other side's view into a weaker version",
    confidence: 0.45,
  },

  // false-dilemma: only two options presented
  {
    type: 'false-dilemma',
    pattern:
      /\b(?:there are|we have|you have|we've got|there's) only two (?:options|choices|ways|paths|possibilities|alternatives|kinds of people)\b/i,
    reason: 'presents two options as the only possibilities',
    confidence: 0.65,
  },
  {
    type: 'false-dilemma',
    pattern:
      /\b(?:you're|you are|we're|we are|they're|they are) either (?:with us|for us|with me|on our side|part of the solution)\b/i,
    reason: 'forces a choice between two camps and excludes any middle position',
    confidence: 0.7,
  },
  {
    type: 'false-dilemma',
    pattern:
      /\bif you(?:'re| are) not with us,? (?:then )?you(?:'re| are) (?:against us|with them|with the enemy)\b/i,
    reason: 'treats not supporting as opposing',
    confidence: 0.7,
  },
  {
    type: 'false-dilemma',
    pattern:
      /\beither (?:we|you|they|the city|the country|this country|this company)\b[^.?!;]{0,80}\bor\b[^.?!;]{0,60}\b(?:will|lose|die|fail|collapse|perish|nothing|suffer|doomed|end up|go under|face|pay|disappear)\b/i,
    reason: 'frames the issue as two outcomes, one of them disastrous, with nothing in between',
    confidence: 0.55,
  },
  {
    type: 'false-dilemma',
    pattern:
      /\bthere (?:is|'s) no (?:other|middle|third) (?:option|way|choice|ground|alternative|path)\b/i,
    reason: 'denies that any alternative exists',
    confidence: 0.55,
  },
  {
    type: 'false-dilemma',
    pattern:
      /\b(?:it's|it is) (?:either )?(?:this|us|now) or (?:nothing|never|them|chaos|disaster|ruin|collapse)\b/i,
    reason: 'reduces the choice to two extremes',
    confidence: 0.6,
  },

  // slippery-slope: one step will inevitably lead to extreme outcomes
  {
    type: 'slippery-slope',
    pattern:
      /\bif we (?:allow|let|accept|permit|approve|give in|start|ban|legalize|legalise|pass|tolerate|agree to|back down)\b[^.?!]{0,120}\b(?:then|soon|next|eventually|before long|before you know it|inevitably|it won't be long|one day)\b/i,
    reason: 'predicts a chain of escalating consequences from one step without showing each link',
    confidence: 0.6,
  },
  {
    type: 'slippery-slope',
    pattern: /\b(?:it's|it is|it will be) only a matter of time (?:before|until)\b/i,
    reason: 'treats an escalation as inevitable',
    confidence: 0.6,
  },
  {
    type: 'slippery-slope',
    pattern: /\b(?:the )?next thing you know\b/i,
    reason: 'jumps from one step to an extreme outcome',
    confidence: 0.6,
  },
  {
    type: 'slippery-slope',
    pattern: /\b(?:where|when) (?:does|will) it (?:end|stop)\b/i,
    reason: 'implies an unstoppable series of further steps',
    confidence: 0.5,
  },
  {
    type: 'slippery-slope',
    pattern:
      /\b(?:a slippery slope|thin end of the wedge|opens? the floodgates|give them an inch)\b/i,
    reason: 'names an escalation as certain without evidence for each step',
    confidence: 0.55,
  },
  {
    type: 'slippery-slope',
    pattern:
      /\bfirst (?:they|it|we)\b[^.?!]{3,80}\bthen\b[^.?!]{3,80}\b(?:and then|next|after that|before long)\b/i,
    reason: 'chains steps towards an extreme end point',
    confidence: 0.5,
  },

  // appeal-to-authority: authority instead of evidence
  {
    type: 'appeal-to-authority',
    pattern:
      /\b(?:experts|scientists|doctors|economists|researchers|scholars|specialists|professionals|studies|science) (?:all )?(?:say|says|agree|have shown|know|confirm|tell us|have proven|prove)\b/i,
    reason: 'invokes unnamed experts as proof without citing who or what evidence',
    confidence: 0.5,
    unless: ATTRIBUTED,
  },
  {
    type: 'appeal-to-authority',
    pattern:
      /\bas an? (?:doctor|physician|scientist|expert|economist|engineer|professor|lawyer|nurse|teacher|ceo|business owner|veteran|pilot|police officer)\b[^.?!]{0,40}\b(?:I|I've|I'm) (?:can tell you|know|assure you|guarantee)\b/i,
    reason: "offers the speaker's title as the reason to accept the claim",
    confidence: 0.5,
  },
  {
    type: 'appeal-to-authority',
    pattern: /\b(?:trust me|take it from me|believe me),? (?:I'm|I am|as) an?\b/i,
    reason: "asks for belief on the speaker's credentials",
    confidence: 0.5,
  },
  {
    type: 'appeal-to-authority',
    pattern:
      /\b(?:top|leading|world-renowned|renowned|respected|the best) (?:experts|scientists|doctors|economists|minds) (?:say|agree|believe|know|have concluded)\b/i,
    reason: 'leans on the prestige of unnamed authorities',
    confidence: 0.55,
    unless: ATTRIBUTED,
  },
  {
    type: 'appeal-to-authority',
    pattern: /\b(?:nine|9) out of (?:ten|10) (?:doctors|dentists|experts|scientists|economists)\b/i,
    reason: 'cites an unsourced share of authorities',
    confidence: 0.55,
    unless: ATTRIBUTED,
  },
  {
    type: 'appeal-to-authority',
    pattern: /\beven (?:the )?(?:experts|scientists|doctors|economists) (?:agree|admit|concede)\b/i,
    reason: 'uses unnamed authorities as the clinching argument',
    confidence: 0.5,
    unless: ATTRIBUTED,
  },

  // appeal-to-emotion: feelings instead of reasons
  {
    type: 'appeal-to-emotion',
    pattern:
      /\b(?:won't (?:somebody|someone|anyone) )?(?:please )?think (?:of|about) the children\b/i,
    reason: 'uses concern for children in place of an argument',
    confidence: 0.65,
  },
  {
    type: 'appeal-to-emotion',
    pattern:
      /\bimagine how (?:you|you'd|you would|your family|your children|your kids|your parents) (?:would )?(?:feel|felt)\b/i,
    reason: 'asks the audience to feel instead of weigh evidence',
    confidence: 0.55,
  },
  {
    type: 'appeal-to-emotion',
    pattern:
      /\bimagine (?:if|that) (?:it|this) (?:was|were) your (?:own )?(?:child|children|daughter|son|mother|father|family|kids)\b/i,
    reason: 'personalises the issue to provoke an emotional reaction',
    confidence: 0.6,
  },
  {
    type: 'appeal-to-emotion',
    pattern: /\bhow would you feel if\b/i,
    reason: 'appeals to how the audience would feel rather than to evidence',
    confidence: 0.5,
  },
  {
    type: 'appeal-to-emotion',
    pattern:
      /\bif you (?:really |truly )?(?:care|cared|love|loved) (?:about )?(?:your|our) (?:children|kids|family|families|country|community|city|parents)\b/i,
    reason: "ties agreement to love or care for one's family or community",
    confidence: 0.55,
  },
  {
    type: 'appeal-to-emotion',
    pattern: /\b(?:blood|tears) (?:is|are|will be) on (?:your|their|his|her) hands\b/i,
    reason: 'assigns moral guilt to provoke an emotional response',
    confidence: 0.6,
  },
  {
    type: 'appeal-to-emotion',
    pattern:
      /\b(?:shame on (?:you|them|anyone|everyone)|you should be ashamed|any decent (?:person|human being) would)\b/i,
    reason: 'uses shame in place of an argument',
    confidence: 0.5,
  },

  // appeal-to-popularity: true because many believe it
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:everyone|everybody|the whole world|the whole country|all of us) (?:already )?(?:knows|agrees|can see|understands|realizes|realises)\b/i,
    reason: 'treats a claim as settled because supposedly everyone accepts it',
    confidence: 0.6,
  },
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:most|many|all) (?:people|americans|britons|voters|residents|workers|parents|citizens|employees|of us|sensible people|reasonable people) (?:already )?(?:agree|know|believe|can see|understand|realize|realise)\b/i,
    reason: 'offers how many people believe something as evidence that it is true',
    confidence: 0.5,
    unless: STATISTICAL,
  },
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:millions|thousands|billions|so many|that many) of (?:people|americans|users|customers|fans|workers|voters|employees|companies)? ?(?:can't|cannot|couldn't|can not) (?:all )?be wrong\b/i,
    reason: 'argues that a popular view cannot be mistaken',
    confidence: 0.7,
  },
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:everyone|everybody) (?:else )?(?:is|are) (?:already )?(?:doing|using|switching|moving|buying|going)\b/i,
    reason: 'uses what everyone else does as the reason to follow',
    confidence: 0.55,
  },
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:it's|it is) common (?:sense|knowledge) that\b|\bask anyone\b|\bjoin the (?:millions|thousands)\b/i,
    reason: 'appeals to what is commonly held instead of evidence',
    confidence: 0.45,
  },
  {
    type: 'appeal-to-popularity',
    pattern:
      /\b(?:no one|nobody) (?:seriously |really |honestly )?(?:believes|thinks|disputes|doubts|argues)\b/i,
    reason: 'claims universal agreement to dismiss the other side',
    confidence: 0.45,
  },

  // hasty-generalization: broad conclusion from few cases
  {
    type: 'hasty-generalization',
    pattern:
      /\bI know an? (?:guy|man|woman|person|friend|colleague|neighbou?r|someone|couple|family|lady|kid)\b[^.?!]{0,60}\bwho\b/i,
    reason: 'builds a general point on a single personal anecdote',
    confidence: 0.5,
  },
  {
    type: 'hasty-generalization',
    pattern:
      /\b(?:my|a) (?:friend|cousin|uncle|aunt|neighbou?r|brother|sister|coworker|co-worker|colleague|son|daughter)\b[^.?!]{0,100}\b(?:so|which proves|that proves|proof that|which shows)\b[^.?!]{0,60}\b(?:all|every|everyone|always|never|nobody|no one)\b/i,
    reason: 'generalises from one acquaintance to everyone',
    confidence: 0.55,
  },
  {
    type: 'hasty-generalization',
    pattern: new RegExp(
      `\\b(?:all|every single one of the|every one of these) (?:${GROUPS}) (?:(?:are|is) (?:all |just |basically |always |simply )?(?:the same|${TRAITS})|always|never|just want|only care|hate|lie|don't care)\\b`,
      'i',
    ),
    reason: 'attributes one trait to a whole group',
    confidence: 0.55,
  },
  {
    type: 'hasty-generalization',
    pattern: /\b(?:these|those) (?:people|types|kinds of people) (?:always|never)\b/i,
    reason: 'sweeps a whole group into one behaviour',
    confidence: 0.5,
  },
  {
    type: 'hasty-generalization',
    pattern:
      /\b(?:that|this|it) (?:proves|shows) (?:that )?(?:all|every|everyone|nobody|no one|they always|it never)\b/i,
    reason: 'draws a universal conclusion from a single case',
    confidence: 0.55,
  },
  {
    type: 'hasty-generalization',
    pattern:
      /\b(?:just )?one (?:example|case|story|incident|look) (?:proves|shows|is enough to show|tells you)\b/i,
    reason: 'treats one example as proof of a rule',
    confidence: 0.5,
  },

  // false-cause: sequence or correlation taken as cause
  {
    type: 'false-cause',
    pattern: /\bever since\b[^.?!]{3,120},\s*[^.?!]{5,}/i,
    reason: 'implies that what followed an event was caused by it',
    confidence: 0.45,
  },
  {
    type: 'false-cause',
    pattern:
      /\b(?:after|since)\b[^.?!]{3,100}\b(?:therefore|so clearly|which proves|that proves|that's why|which is why it|it's no coincidence)\b/i,
    reason: 'concludes cause from sequence',
    confidence: 0.55,
  },
  {
    type: 'false-cause',
    pattern: /\b(?:it's|it is|that's|that is) no coincidence\b/i,
    reason: 'asserts a causal link from timing or co-occurrence',
    confidence: 0.55,
  },
  {
    type: 'false-cause',
    pattern:
      /\b(?:is|are) (?:to blame|the (?:reason|cause)) for (?:all|every|everything|all of)\b/i,
    reason: 'names a single cause for a broad set of problems',
    confidence: 0.5,
  },
  {
    type: 'false-cause',
    pattern:
      /\b(?:since|after) [^.?!,]{3,80}, [^.?!]{0,60}\b(?:has|have) (?:skyrocketed|plummeted|soared|collapsed|exploded|tanked|gone through the roof)\b/i,
    reason: 'links a dramatic change to a prior event by timing alone',
    confidence: 0.5,
  },
  {
    type: 'false-cause',
    pattern: /\bcoincidence\?|\bcorrelation proves\b/i,
    reason: 'hints that co-occurrence proves causation',
    confidence: 0.5,
  },

  // red-herring: changing the subject
  {
    type: 'red-herring',
    pattern: /\bbut what about\b/i,
    reason: 'shifts attention to a different issue instead of answering',
    confidence: 0.5,
  },
  {
    type: 'red-herring',
    pattern: /\bthe real (?:issue|question|problem|story|scandal) (?:here )?is\b/i,
    reason: 'redirects the discussion to another topic',
    confidence: 0.45,
  },
  {
    type: 'red-herring',
    pattern:
      /\b(?:instead of|rather than) (?:talking about|focusing on|worrying about|discussing|obsessing over)\b[^.?!]*\b(?:we should|why (?:don't|not)|let's|shouldn't we|ask yourself)\b/i,
    reason: 'steers away from the topic under discussion',
    confidence: 0.5,
  },
  {
    type: 'red-herring',
    pattern: /\bwhy (?:is|are) (?:nobody|no one) talking about\b/i,
    reason: 'introduces an unrelated concern to deflect',
    confidence: 0.5,
  },
  {
    type: 'red-herring',
    pattern:
      /\b(?:let's not forget|let us not forget|and don't forget|while we're on the subject)\b[^.?!]{0,80}\b(?:also|too|instead|scandal|failed|failure)\b/i,
    reason: 'brings in a side issue to move the debate',
    confidence: 0.4,
  },

  // circular-reasoning: the conclusion is the premise
  {
    type: 'circular-reasoning',
    pattern:
      /\b(?:is|are) (?:true|right|correct|wrong|good|bad|the best) because (?:it|they|he|she) (?:is|are) (?:true|right|correct|wrong|good|bad|the best)\b/i,
    reason: 'gives the conclusion as its own reason',
    confidence: 0.65,
  },
  {
    type: 'circular-reasoning',
    pattern: /\bbecause (?:I|we|they|he|she) said so\b/i,
    reason: 'offers the assertion itself as the justification',
    confidence: 0.6,
  },
  {
    type: 'circular-reasoning',
    pattern:
      /\b(?:trust|believe) (?:him|her|them|it|me|us) because (?:he|she|they|it|I|we) (?:says?|said|tells? the truth|never lies?|(?:is|are|am) (?:trustworthy|honest|reliable))\b/i,
    reason: 'justifies trust with the claim that is in question',
    confidence: 0.6,
  },
  {
    type: 'circular-reasoning',
    pattern: /\bbecause (?:nothing|no one|nobody) (?:is|does it|could be) (?:better|worse)\b/i,
    reason: 'restates the claim as its own support',
    confidence: 0.5,
  },
  {
    type: 'circular-reasoning',
    pattern:
      /\b(?:by definition|it's obvious because it's obvious|it is what it is because)\b[^.?!]{0,60}\b(?:so|therefore|which is why)\b/i,
    reason: 'assumes what it sets out to prove',
    confidence: 0.45,
  },

  // tu-quoque: "you did it too"
  {
    type: 'tu-quoque',
    pattern:
      /\b(?:you|they|he|she) (?:did|do|does|said|say) (?:it|that|the same(?: thing)?|exactly the same) (?:too|as well)\b/i,
    reason: "answers criticism by pointing at the critic's own behaviour",
    confidence: 0.6,
  },
  {
    type: 'tu-quoque',
    pattern: /\blook who(?:'s| is) talking\b/i,
    reason: "dismisses the criticism because of the critic's own conduct",
    confidence: 0.65,
  },
  {
    type: 'tu-quoque',
    pattern:
      /\b(?:you're|you are|he's|he is|she's|she is|they're|they are) (?:hardly |not exactly |the last (?:one|person|people) |in no position )to (?:talk|lecture|criticize|criticise|judge|preach)\b/i,
    reason: 'rejects criticism because the critic is supposedly guilty too',
    confidence: 0.6,
  },
  {
    type: 'tu-quoque',
    pattern:
      /\b(?:pot calling the kettle black|who are you to (?:talk|judge|criticize|criticise|lecture)|practi[cs]e what (?:you|they|he|she) preach)\b/i,
    reason: 'turns the criticism back on the critic instead of answering it',
    confidence: 0.6,
  },
  {
    type: 'tu-quoque',
    pattern:
      /\bthe (?:same|very same) (?:people|critics|politicians|folks|ones) who\b[^.?!]{3,100}\b(?:are now|now want|now say|now complain)\b/i,
    reason: "points to the critics' past inconsistency instead of the issue",
    confidence: 0.45,
  },

  // loaded-question: a question that presupposes a contested claim
  {
    type: 'loaded-question',
    pattern:
      /\b(?:have|has) (?:you|he|she|they|the council|the mayor) (?:stopped|quit|given up|finally stopped)\b[^.?!]*\?/i,
    reason: 'asks a question that presupposes guilt',
    confidence: 0.6,
  },
  {
    type: 'loaded-question',
    pattern:
      /\bwhen did (?:you|he|she|they) (?:first )?(?:stop|start|begin) (?:lying|cheating|stealing|hiding|covering)\b/i,
    reason: 'builds an accusation into the question',
    confidence: 0.65,
  },
  {
    type: 'loaded-question',
    pattern:
      /\bwhy (?:do|does|did) (?:you|he|she|they|the (?:mayor|council|government|senator|company|media)) (?:still |continue to |keep )?(?:hate|lie|lying|ignore|refuse|cover up|hide|betray|want to destroy|despise)\b[^.?!]*\?/i,
    reason: 'assumes a contested accusation in the question',
    confidence: 0.55,
  },
  {
    type: 'loaded-question',
    pattern:
      /\bwhy (?:is|are) (?:he|she|they|the \w+) (?:so )?(?:corrupt|dishonest|incompetent|afraid of the truth|lying|hiding)\b[^.?!]*\?/i,
    reason: 'presupposes a negative trait in the question',
    confidence: 0.55,
  },
  {
    type: 'loaded-question',
    pattern:
      /\bhow (?:long|much longer) (?:will|can|are|must) (?:you|we|they|he|she)\b[^.?!]*\b(?:keep|continue|go on|tolerate|put up with|pretend)\b[^.?!]*\?/i,
    reason: 'presumes an ongoing wrong in the question',
    confidence: 0.5,
  },

  // no-true-scotsman: redefining the group to exclude counterexamples
  {
    type: 'no-true-scotsman',
    pattern: new RegExp(
      `\\bno (?:real|true|genuine|self-respecting|actual|proper) (?:[a-z]+ )?${PERSON_NOUN} (?:would|could|ever|does|do|should|will)\\b`,
      'i',
    ),
    reason: 'excludes counterexamples by redefining who counts as a real member',
    confidence: 0.65,
  },
  {
    type: 'no-true-scotsman',
    pattern: new RegExp(
      `\\b(?:real|true|genuine) ${PERSON_NOUN} (?:don't|do not|never|would never|wouldn't|won't)\\b`,
      'i',
    ),
    reason: 'defines the group so that any counterexample does not count',
    confidence: 0.5,
  },
  {
    type: 'no-true-scotsman',
    pattern: new RegExp(
      `\\b(?:any|every) (?:real|true|genuine) ${PERSON_NOUN} (?:knows|would|understands|agrees|can see)\\b`,
      'i',
    ),
    reason: 'makes agreement part of what it means to belong to the group',
    confidence: 0.55,
  },
  {
    type: 'no-true-scotsman',
    pattern: new RegExp(
      `\\b(?:he|she|they|you|that man|that woman)(?: is|'s| are|'re| was| were) not (?:a )?(?:real|true|genuine) ${PERSON_NOUN}\\b`,
      'i',
    ),
    reason: 'disqualifies a counterexample from the group',
    confidence: 0.45,
  },
];

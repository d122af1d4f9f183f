/** Appeals to fear: threats of loss, danger or catastrophe aimed at the audience. */
export const FEAR_APPEAL_PATTERNS: readonly RegExp[] = [
  /\b(?:you|your family|your children|your kids|we|our children|our kids|our families) (?:could|will|would|might) (?:lose|be (?:next|hurt|killed|ruined|left with nothing)|die|suffer|pay the price)\b/i,
  /\b(?:threat|danger) to (?:your|our) (?:family|families|children|kids|safety|way of life|jobs|homes|future|freedom)\b/i,
  /\b(?:will|would|could) (?:destroy|ruin|devastate|wipe out|bankrupt) (?:your|our|this|the (?:city|country|nation|economy|middle class))\b/i,
  /\bnobody (?:will be|is) safe\b/i,
  /\b(?:terrifying|catastrophic|apocalyptic|deadly|existential) (?:threat|consequences?|danger|crisis|future)\b/i,
  /\b(?:a |an )?(?:disaster|catastrophe|nightmare) (?:waiting to happen|is coming|is on its way)\b/i,
  /\bbe (?:very )?(?:afraid|scared|terrified)\b/i,
  /\byou(?:'ll| will) regret\b/i,
  /\bbefore (?:it's|it is) too late\b/i,
];

/** Manufactured urgency that discourages reflection. */
export const URGENCY_PATTERNS: readonly RegExp[] = [
  /\bact (?:now|fast|quickly|today|immediately)\b/i,
  /\bbefore (?:it's|it is) too late\b/i,
  /\btime is running out\b/i,
  /\b(?:don't|do not) wait\b/i,
  /\b(?:last|final) chance\b/i,
  /\blimited time\b/i,
  /\bnow or never\b/i,
  /\bthere(?:'s| is) no time to (?:waste|lose)\b/i,
  /\bwe (?:can't|cannot|can no longer) afford to wait\b/i,
  /\bthe clock is ticking\b/i,
  /\b(?:only|just) (?:\w+ )?(?:days|hours|weeks) left\b/i,
  /\bright now,? before\b/i,
  /\bimmediately,? (?:or|before)\b/i,
];

/** Absolute claims that leave no room for exceptions, counted as manipulation in clusters. */
export const ABSOLUTE_CLAIM_PATTERNS: readonly RegExp[] = [
  /\b(?:they|he|she|you|politicians|experts|the media|the government|the council) (?:always|never) (?:lie|lies|lied|tell the truth|listen|care|get it right|deliver|keep)\b/i,
  /\b(?:everyone|everybody|no one|nobody) (?:knows|agrees|believes|wants|trusts|cares)\b/i,
  /\b(?:100|one hundred) (?:percent|per cent|%) (?:certain|sure|guaranteed|true|wrong)\b/i,
  /\bwithout (?:a|any) (?:doubt|question),\b/i,
  /\b(?:completely|totally|absolutely|utterly) (?:wrong|false|failed|useless|destroyed|corrupt|dishonest)\b/i,
];

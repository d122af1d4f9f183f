/** Comparisons: "more than", "-er than", "the highest", "twice as", "compared with". */
export const COMPARISON_PATTERNS: readonly RegExp[] = [
  /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|rather|other)\s+than\b/i,
  /\b[a-z]{3,}er\s+than\b/i,
  /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse)\b[^.?!,;]{1,40}\bthan\b/i,
  /\bthe (?:highest|lowest|largest|smallest|biggest|most|least|fastest|slowest|best|worst|first|only|oldest|newest|cheapest|longest|shortest)\b/i,
  /\b(?:twice|three times|four times|five times|ten times|half|double|triple) (?:as|the)\b/i,
  /\bcompared (?:to|with)\b/i,
  /\b(?:got|gets|getting|became|become|becomes|grew|grown) (?:much |far |a lot |slightly )?(?:worse|better|higher|lower|cheaper|faster|slower|bigger|smaller|more \w+|less \w+)\b/i,
  /\b(?:up|down) from\b/i,
  /\b(?:outpaced|outperformed|exceeded|exceeds|surpassed|overtook|outnumber(?:s|ed)?)\b/i,
];

/** Attributions: a source named or reported. */
export const ATTRIBUTION_PATTERNS: readonly RegExp[] = [
  /\baccording to\b/i,
  /\b(?:said|says|stated|states|told|reported|reports|announced|claimed|claims|noted|estimated|estimates|concluded|testified|wrote|confirmed|acknowledged|explained|warned)\b/i,
  /\b(?:study|report|survey|poll|analysis|data|figures|research|census|audit|review)\b[^.?!]{0,60}\b(?:by|from|published|released|conducted|shows?|showed|found|finds|suggests?|suggested|estimates?)\b/i,
  /\b(?:researchers|analysts|officials|economists|scientists|investigators|auditors) (?:at|from|with|in)\b/i,
];

/** Causal claims: "because", "led to", "caused", "as a result". */
export const CAUSAL_PATTERNS: readonly RegExp[] = [
  /\b(?:because|due to|as a result|led to|leads? to|leading to|caused|causes|causing|resulted in|results in|resulting in|thanks to|therefore|consequently|contributed to|contributes to|driven by|responsible for|blamed (?:for|on)|which means|so that)\b/i,
];

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';

/** Temporal anchors: years, months, relative periods. */
export const TEMPORAL_PATTERNS: readonly RegExp[] = [
  /\b(?:1[89]\d{2}|20\d{2})\b/,
  new RegExp(`\\b(?:${MONTHS})\\b`),
  /\b(?:since|until|by the end of|last (?:year|month|week|decade|quarter|spring|summer|fall|autumn|winter)|next (?:year|month|week|decade|quarter)|yesterday|this (?:year|month|week)|in the (?:past|last|next) (?:\w+ )?(?:years?|months?|decades?|weeks?))\b/i,
];

/** Words that make a number-free sentence statistical. */
export const STATISTIC_WORDS =
  /\b(?:million|billion|trillion|thousands?|hundreds?|dozens?|percent|per cent|percentage|half|a third|a quarter|twice|doubled|tripled|halved|majority|minority|average|median|rate)\b/i;

/** Markers of opinion or prescription: such sentences are less worth checking. */
export const OPINION_PATTERNS: readonly RegExp[] = [
  /\b(?:i think|i believe|i feel|in my (?:opinion|view)|i'm convinced|it seems to me|we should|we must|you should|ought to|let's)\b/i,
];

import type { ChatHandler, ChatRequest, ReplyValue } from './chat-request.js';

/** Options of `groundedAnalystHandlers`. */
export interface GroundedAnalystOptions {
  /** The verdict every fact check gets (default `'unverifiable'`, basis kind `none`). */
  verdict?: 'supported' | 'refuted' | 'misleading' | 'unverifiable';
  /** The most items (key points, claims, quotes) a reply lists. Default 5. */
  maxItems?: number;
}

const BLOCK = /<<<([A-Z][A-Z ]*?) ([A-Za-z0-9]+)>>>\n([\s\S]*?)\n<<<END \1 \2>>>/g;
const SENTENCE_END = /(?<=[.!?])\s+(?=["'“A-Z0-9])/;
const WORD = /[A-Za-z][A-Za-z'-]{3,}/g;
const NAME = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g;
const HAS_NAME = /\b[A-Z][a-z]+ [A-Z][a-z]+\b/;
const STOP_WORDS = new Set(
  'that this with from have were they their there which would could should about been also into than then them these those what when where while will your said says more most some such very just only over after before because being other'.split(
    ' ',
  ),
);

/** The text of the user message (the last one). */
function userText(request: ChatRequest): string {
  const message = request.messages.at(-1);
  if (message === undefined) return '';
  return typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
}

/** The blocks between `<<<LABEL id>>>` markers of a message, by label. */
function blocksOf(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of text.matchAll(BLOCK)) blocks.set(match[1] ?? '', match[3] ?? '');
  return blocks;
}

function jsonBlock<T>(blocks: Map<string, string>, label: string, fallback: T): T {
  const text = blocks.get(label);
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Sentences of the source, word for word (whitespace inside kept as it is). */
function sentencesOf(source: string): string[] {
  return source
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4);
}

function keywordsOf(source: string, limit: number): { term: string; score: number }[] {
  const counts = new Map<string, number>();
  for (const match of source.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (!STOP_WORDS.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0]?.[1] ?? 1;
  return ranked.slice(0, limit).map(([term, count]) => ({ term, score: count / top }));
}

function namesOf(source: string, limit: number): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const match of source.matchAll(NAME)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, count]) => ({ name, count }));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Claim {
  claimId: string;
  claim: string;
}

interface PartialSummary {
  keyPoints?: string[];
  topics?: string[];
  keywords?: { term: string; score: number }[];
  entities?: { text: string; type: string; count: number }[];
}

/**
 * Chat handlers, keyed by the json_schema names of orch's analysis crew (`orch_summarize`,
 * `orch_claims`, ...), that answer like a careful model: every quote, claim and key point is a
 * sentence copied from the source between the prompt's SOURCE markers, and fact checks answer
 * exactly the claims listed in the CLAIMS block. Deterministic, so a second identical request
 * gets the identical reply. Use them to run orch's LLM stages end to end against the fake server.
 */
export function groundedAnalystHandlers(
  options: GroundedAnalystOptions = {},
): Record<string, ChatHandler> {
  const verdict = options.verdict ?? 'unverifiable';
  const maxItems = options.maxItems ?? 5;

  const withSource =
    (build: (sentences: string[], source: string, blocks: Map<string, string>) => ReplyValue) =>
    (request: ChatRequest): ReplyValue => {
      const blocks = blocksOf(userText(request));
      const source = blocks.get('SOURCE') ?? '';
      return build(sentencesOf(source), source, blocks);
    };

  const factChecks = (claims: Claim[]) =>
    claims.map(({ claimId, claim }) => ({
      claimId,
      claim,
      verdict,
      confidence: verdict === 'unverifiable' ? 0.3 : 0.7,
      basisKind: verdict === 'unverifiable' ? 'none' : 'source-text',
      basis:
        verdict === 'unverifiable' ? 'no independent evidence at hand' : 'the source states it',
      explanation:
        verdict === 'unverifiable'
          ? 'The claim cannot be checked from the material given.'
          : 'The source text states the claim directly.',
      evidence: verdict === 'unverifiable' ? [] : [{ quote: claim, source: 'content' }],
    }));

  return {
    orch_summarize: (request) => {
      const blocks = blocksOf(userText(request));
      const partials = jsonBlock<PartialSummary[]>(blocks, 'PARTIAL SUMMARIES', []);
      if (partials.length > 0) {
        const keyPoints = partials.flatMap((part) => part.keyPoints ?? []).slice(0, maxItems);
        return {
          summary: keyPoints.slice(0, 2).join(' '),
          keyPoints,
          topics: [...new Set(partials.flatMap((part) => part.topics ?? []))].slice(0, maxItems),
          keywords: partials.flatMap((part) => part.keywords ?? []).slice(0, maxItems),
          entities: partials.flatMap((part) => part.entities ?? []).slice(0, maxItems),
        };
      }
      return withSource((sentences, source) => {
        const keywords = keywordsOf(source, maxItems);
        return {
          summary: sentences.slice(0, 2).join(' '),
          keyPoints: sentences.slice(0, maxItems),
          topics: keywords.slice(0, 3).map((keyword) => keyword.term),
          keywords,
          entities: namesOf(source, maxItems).map(({ name, count }) => ({
            text: name,
            type: 'other',
            count,
          })),
        };
      })(request);
    },
    orch_claims: withSource((sentences) => ({
      claims: sentences
        .filter((sentence) => /\d/.test(sentence) || HAS_NAME.test(sentence))
        .slice(0, maxItems)
        .map((text, index) => ({
          text,
          kinds: /\d/.test(text) ? ['statistic'] : ['named-entity'],
          checkWorthiness: Math.max(0.1, 0.9 - index * 0.1),
        })),
    })),
    orch_sentiment: withSource((sentences) => ({
      label: 'neutral',
      score: 0,
      positiveShare: 0.3,
      negativeShare: 0.3,
      emotions: [{ name: 'interest', score: 0.4 }],
      rhetoric: sentences
        .filter((sentence) => sentence.endsWith('!') || sentence.endsWith('?'))
        .slice(0, 2)
        .map((quote) => ({
          device: 'emphasis',
          quote,
          explanation: 'Punctuation raises the tone.',
        })),
    })),
    orch_fact_check: (request) => {
      const blocks = blocksOf(userText(request));
      return { checks: factChecks(jsonBlock<Claim[]>(blocks, 'CLAIMS', [])) };
    },
    orch_fallacies: withSource((sentences) => ({
      fallacies: sentences
        .filter((sentence) => /\b(everyone|always|never|all)\b/i.test(sentence))
        .slice(0, 2)
        .map((quote) => ({
          type: 'hasty-generalization',
          quote,
          explanation: 'A sweeping word generalises beyond the evidence given.',
          confidence: 0.5,
        })),
    })),
    orch_perspectives: withSource((sentences) => ({
      perspectives: sentences.slice(0, 1).map((quote) => ({
        viewpoint: 'the author',
        summary: 'The author reports the events as stated.',
        supportingQuotes: [quote],
      })),
      bias: { score: 0.2, indicators: [] },
      missingViewpoints: ['independent experts'],
    })),
    orch_threat: withSource(() => ({
      score: 0.1,
      level: 'low',
      manipulationIndicators: [],
      narrativeIntegrity: 0.8,
    })),
    orch_knowledge_graph: withSource((sentences, source) => {
      const names = namesOf(source, maxItems);
      const entities = names.map(({ name, count }) => ({
        id: slug(name),
        name,
        type: 'other',
        mentions: count,
      }));
      const relations = sentences.flatMap((sentence) => {
        const inSentence = names.filter(({ name }) => sentence.includes(name));
        const [first, second] = inSentence;
        if (first === undefined || second === undefined) return [];
        return [
          {
            source: slug(first.name),
            target: slug(second.name),
            predicate: 'mentioned with',
            evidence: sentence,
          },
        ];
      });
      return { entities, relations: relations.slice(0, maxItems) };
    }),
    orch_speaker_profile: withSource((sentences) => ({
      speakers: [
        {
          style: ['declarative'],
          persuasionTechniques: sentences
            .slice(0, 1)
            .map((quote) => ({ technique: 'assertion', quote })),
        },
      ],
    })),
    orch_second_opinion: (request) => {
      const blocks = blocksOf(userText(request));
      const checks = jsonBlock<(Claim & { originalVerdict: string; confidence: number })[]>(
        blocks,
        'FACT CHECKS',
        [],
      );
      return {
        reviews: checks.map((check) => ({
          claimId: check.claimId,
          originalVerdict: check.originalVerdict,
          secondVerdict: check.originalVerdict,
          reconciledVerdict: check.originalVerdict,
          reconciledConfidence: check.confidence,
          explanation: 'The second review reached the same verdict.',
        })),
      };
    },
    orch_briefing: withSource((sentences) => ({
      executiveSummary: sentences.slice(0, 2).join(' '),
      keyFindings: sentences.slice(0, 3),
      recommendations: ['Check the listed claims against independent sources.'],
      confidence: { overall: 0.5, dataCompleteness: 0.7 },
      grade: 'C',
    })),
  };
}

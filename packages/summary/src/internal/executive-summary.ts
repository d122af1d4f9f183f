import type { ContentKind } from '@orch/core';
import type { BriefingFacts } from './briefing-facts.js';
import { verdictBreakdown } from './briefing-facts.js';
import {
  asSentence,
  collapseWhitespace,
  countOf,
  formatCount,
  joinWords,
  score,
  sentencesOf,
  truncate,
} from './text.js';

const KIND_NOUN: Readonly<Record<ContentKind, string>> = {
  article: 'article',
  transcript: 'transcript',
  document: 'document',
  media: 'recording',
};

function duration(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}

function describeContent(facts: BriefingFacts): string {
  const { metadata, kind, text } = facts.content;
  const noun = KIND_NOUN[kind];
  const origin = metadata.siteName ?? metadata.platform ?? metadata.uploader ?? metadata.author;
  const from = origin ? ` from ${collapseWhitespace(origin)}` : '';
  const length =
    metadata.durationSeconds !== undefined && metadata.durationSeconds > 0
      ? ` (${duration(metadata.durationSeconds)})`
      : '';
  const words = formatCount(metadata.wordCount);
  if (text.trim() === '') {
    const name = metadata.title ? `"${truncate(metadata.title, 100)}"` : `The ${noun}`;
    return `${name}${from} has no readable text.`;
  }
  const wordsText = `${words} ${metadata.wordCount === 1 ? 'word' : 'words'}`;
  if (metadata.title) {
    const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
    return `"${truncate(metadata.title, 100)}" is ${article} ${noun} of ${wordsText}${from}${length}.`;
  }
  return `The analysed ${noun}${from}${length} has ${wordsText}.`;
}

function summarySentence(facts: BriefingFacts): string | undefined {
  const summary = facts.outputs.summarize?.summary;
  if (!summary) return undefined;
  const first = sentencesOf(summary)[0];
  return first ? asSentence(truncate(first, 300)) : undefined;
}

function riskSentence(facts: BriefingFacts): string | undefined {
  const { deception } = facts.outputs;
  const threat = facts.threat;
  if (deception) {
    const level = threat ? `; threat level ${threat.level}` : '';
    return `Deception score ${score(deception.score)} (${deception.label})${level}.`;
  }
  if (threat) return `Threat level ${threat.level}.`;
  return undefined;
}

function countsSentence(facts: BriefingFacts): string | undefined {
  const parts: string[] = [];
  if (facts.claims) parts.push(countOf(facts.claims.length, 'check-worthy claim'));
  if (facts.checks) {
    const breakdown = verdictBreakdown(facts.verdictCounts);
    parts.push(
      facts.checks.length === 0
        ? 'no fact checks'
        : `${countOf(facts.checks.length, 'fact check')} (${breakdown})`,
    );
  }
  if (facts.fallacies) {
    const types = facts.fallacyGroups.length;
    parts.push(types === 0 ? 'no fallacy types' : countOf(types, 'fallacy type'));
  }
  if (parts.length === 0) return undefined;
  return `The analysis found ${joinWords(parts)}.`;
}

function qualitySentence(facts: BriefingFacts): string | undefined {
  const gate = facts.outputs['quality-gate'];
  if (!gate || gate.passed) return undefined;
  const reason = gate.reasons[0];
  return reason
    ? asSentence(`The quality gate failed: ${collapseWhitespace(reason)}`)
    : `The quality gate failed (score ${score(gate.score)}).`;
}

function sentimentSentence(facts: BriefingFacts): string | undefined {
  const sentiment = facts.outputs.sentiment;
  if (!sentiment) return undefined;
  return `Its sentiment is ${sentiment.label} (${score(sentiment.score)}).`;
}

/**
 * Two to four sentences from data: what the content is, the quality-gate failure, the first
 * sentence of the summary, the deception score and threat level, and the counts.
 */
export function executiveSummary(facts: BriefingFacts): string {
  const sentences = [
    describeContent(facts),
    qualitySentence(facts),
    summarySentence(facts),
    riskSentence(facts),
    countsSentence(facts),
  ].filter((sentence): sentence is string => sentence !== undefined);
  if (sentences.length > 4) sentences.splice(2, 1);
  if (sentences.length < 2) {
    sentences.push(sentimentSentence(facts) ?? 'No analysis stage produced data to report.');
  }
  return sentences.join(' ');
}

import type { BriefingFacts } from './briefing-facts.js';
import { fallacyNoun } from './briefing-facts.js';
import {
  asSentence,
  collapseWhitespace,
  countOf,
  fallacyName,
  joinWords,
  quoted,
  score,
} from './text.js';

const CLAIMS_TO_VERIFY = 3;

function qualityRule(facts: BriefingFacts): string[] {
  const gate = facts.outputs['quality-gate'];
  if (!gate || gate.passed) return [];
  const reasons = gate.reasons.map(collapseWhitespace).filter((reason) => reason.length > 0);
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return [
    `The content was too short or noisy for reliable analysis${why}: treat every finding as provisional, and analyse a longer or cleaner source (the full article or a better transcript) if one exists.`,
  ];
}

function verificationRules(facts: BriefingFacts): string[] {
  const claims = facts.claims ?? [];
  if (!facts.checks) {
    if (claims.length === 0) return [];
    const top = claims.slice(0, CLAIMS_TO_VERIFY).map((claim) => quoted(claim.text, 110));
    const which = top.length === 1 ? 'the claim' : `the top ${top.length} claims`;
    return [
      asSentence(
        `No fact checks were made: verify ${which} against primary sources before relying on ${top.length === 1 ? 'it' : 'them'}: ${top.join('; ')}`,
      ),
    ];
  }
  const lines: string[] = [];
  const disputed = facts.checks.filter(
    (check) => check.verdict === 'refuted' || check.verdict === 'misleading',
  );
  if (disputed.length > 0) {
    const examples = disputed.slice(0, 2).map((check) => quoted(check.claim, 100));
    lines.push(
      asSentence(
        `Do not repeat the ${countOf(disputed.length, 'refuted or misleading claim')} without a correction: ${examples.join('; ')}`,
      ),
    );
  }
  const open = facts.checks.filter((check) => check.verdict === 'unverifiable');
  if (open.length > 0) {
    const examples = open.slice(0, 2).map((check) => quoted(check.claim, 100));
    lines.push(
      asSentence(
        `Find primary sources for the ${countOf(open.length, 'claim')} that could not be verified: ${examples.join('; ')}`,
      ),
    );
  }
  return lines;
}

function fallacyRule(facts: BriefingFacts): string[] {
  const groups = facts.fallacyGroups;
  const first = groups[0];
  if (!first) return [];
  const noun = fallacyNoun(facts);
  const names = joinWords(groups.slice(0, 4).map((group) => fallacyName(group.type)));
  const passages = countOf(facts.fallacies?.length ?? groups.length, 'quoted passage');
  return [
    `Treat the ${passages} flagged as ${noun.plural} with caution (${names}), for example ${quoted(first.example.quote, 100)}: check whether the argument still holds without them.`,
  ];
}

function deceptionRule(facts: BriefingFacts): string[] {
  const deception = facts.outputs.deception;
  if (!deception || deception.label === 'low') return [];
  const action =
    deception.label === 'high'
      ? 'do not share or cite it without corrections from independent sources'
      : 'cross-check it against independent sources before sharing or citing it';
  return [
    `The deception score is ${deception.label} (${score(deception.score)}, from ${deception.basis}): ${action}.`,
  ];
}

function threatRule(facts: BriefingFacts): string[] {
  const threat = facts.threat;
  if (!threat || threat.level === 'low') return [];
  return [
    `The threat level is ${threat.level} (${threat.reason}): watch where this content spreads and prepare a response to its strongest claims.`,
  ];
}

function contextRules(facts: BriefingFacts): string[] {
  const lines: string[] = [];
  const contradictions = facts.outputs['cross-reference']?.contradictions ?? [];
  if (contradictions.length > 0) {
    lines.push(
      `Resolve the ${countOf(contradictions.length, 'contradiction')} with earlier items in memory before trusting either version.`,
    );
  }
  const missing = facts.outputs.perspectives?.missingViewpoints ?? [];
  if (missing.length > 0) {
    lines.push(`Seek out the missing viewpoints: ${joinWords(missing.slice(0, 4))}.`);
  }
  return lines;
}

function completenessRule(facts: BriefingFacts): string[] {
  const missing = facts.missingStages;
  if (missing.length === 0) return [];
  return [
    `${missing.length} of ${countOf(facts.analysisStages.length, 'planned analysis', 'planned analyses')} produced no data (${missing.join(', ')}): see the stage table for the reasons before relying on this briefing alone.`,
  ];
}

/** Actions that follow from the data, one rule each; empty when no rule applies. */
export function recommendations(facts: BriefingFacts): string[] {
  return [
    ...qualityRule(facts),
    ...verificationRules(facts),
    ...deceptionRule(facts),
    ...threatRule(facts),
    ...fallacyRule(facts),
    ...contextRules(facts),
    ...completenessRule(facts),
  ];
}

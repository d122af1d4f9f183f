import type { BriefingFacts } from './briefing-facts.js';
import { fallacyNoun, verdictBreakdown } from './briefing-facts.js';
import {
  capitalise,
  collapseWhitespace,
  countOf,
  fallacyName,
  joinWords,
  quoted,
  score,
} from './text.js';

const MAX_FALLACY_TYPES = 5;
const MAX_CHECK_LINES = 3;

function qualityFinding(facts: BriefingFacts): string[] {
  const gate = facts.outputs['quality-gate'];
  if (!gate || gate.passed) return [];
  const reasons = gate.reasons.map(collapseWhitespace).filter((reason) => reason.length > 0);
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return [`Quality gate failed (score ${score(gate.score)})${why}`];
}

function deceptionFindings(facts: BriefingFacts): string[] {
  const deception = facts.outputs.deception;
  if (!deception) return [];
  const top = deception.topContributors[0];
  const contributor = top
    ? `; largest contributor: ${quoted(top.claim, 100)} (${top.verdict})`
    : '';
  return [
    `Deception score ${score(deception.score)} (${deception.label}): ${deception.basis}${contributor}`,
  ];
}

function threatFindings(facts: BriefingFacts): string[] {
  const threat = facts.outputs.threat;
  if (threat) {
    const indicators = threat.manipulationIndicators
      .slice(0, 3)
      .map((indicator) =>
        indicator.quote ? `${indicator.type} (${quoted(indicator.quote, 80)})` : indicator.type,
      );
    const listed =
      indicators.length > 0 ? `; manipulation indicators: ${indicators.join(', ')}` : '';
    return [
      `Threat level ${threat.level} (score ${score(threat.score)}, narrative integrity ${score(threat.narrativeIntegrity)})${listed}`,
    ];
  }
  if (facts.threat) return [`Threat level ${facts.threat.level}: ${facts.threat.reason}`];
  return [];
}

function factCheckFindings(facts: BriefingFacts): string[] {
  if (!facts.checks) return [];
  if (facts.checks.length === 0) return ['The fact-check stage returned no checks'];
  const lines = [`Fact checks: ${verdictBreakdown(facts.verdictCounts)}`];
  const flagged = facts.checks
    .filter((check) => check.verdict === 'refuted' || check.verdict === 'misleading')
    .sort((left, right) => right.confidence - left.confidence)
    .slice(0, MAX_CHECK_LINES);
  for (const check of flagged) {
    lines.push(
      `${capitalise(check.verdict)} (confidence ${score(check.confidence)}): ${quoted(check.claim, 120)}; basis: ${collapseWhitespace(check.basis)}`,
    );
  }
  return lines;
}

function claimFindings(facts: BriefingFacts): string[] {
  const claims = facts.claims;
  if (!claims) return [];
  const top = claims[0];
  if (!top) return ['No check-worthy claims were found'];
  const worthiness = `check-worthiness ${score(top.checkWorthiness)}`;
  if (claims.length === 1) return [`1 check-worthy claim: ${quoted(top.text)} (${worthiness})`];
  return [
    `${claims.length} check-worthy claims; the most check-worthy: ${quoted(top.text)} (${worthiness})`,
  ];
}

function fallacyFindings(facts: BriefingFacts): string[] {
  if (!facts.fallacies) return [];
  const noun = fallacyNoun(facts);
  if (facts.fallacyGroups.length === 0) return [`No ${noun.plural} were found`];
  const shown = facts.fallacyGroups
    .slice(0, MAX_FALLACY_TYPES)
    .map((group) => `${fallacyName(group.type)} (${quoted(group.example.quote, 90)})`);
  const more = facts.fallacyGroups.length - MAX_FALLACY_TYPES;
  const rest = more > 0 ? ` and ${countOf(more, 'more type')}` : '';
  return [`${capitalise(noun.plural)}: ${shown.join(', ')}${rest}`];
}

function sentimentFindings(facts: BriefingFacts): string[] {
  const sentiment = facts.outputs.sentiment;
  if (!sentiment) return [];
  const emotions = [...sentiment.emotions]
    .sort((left, right) => right.score - left.score)
    .slice(0, 2)
    .map((emotion) => `${emotion.name} ${score(emotion.score)}`);
  const device = sentiment.rhetoric[0];
  const parts = [`Sentiment ${sentiment.label} (${score(sentiment.score)})`];
  if (emotions.length > 0) parts.push(`strongest emotions: ${emotions.join(', ')}`);
  if (device) parts.push(`rhetoric: ${device.device} (${quoted(device.quote, 80)})`);
  return [parts.join('; ')];
}

function perspectiveFindings(facts: BriefingFacts): string[] {
  const perspectives = facts.outputs.perspectives;
  if (!perspectives) return [];
  const leaning = perspectives.bias.leaning ? `, leaning ${perspectives.bias.leaning}` : '';
  const viewpoints = perspectives.perspectives.map((perspective) => perspective.viewpoint);
  const parts = [`Bias score ${score(perspectives.bias.score)}${leaning}`];
  if (viewpoints.length > 0) parts.push(`viewpoints: ${joinWords(viewpoints.slice(0, 4))}`);
  if (perspectives.missingViewpoints.length > 0) {
    parts.push(`missing viewpoints: ${joinWords(perspectives.missingViewpoints.slice(0, 4))}`);
  }
  return [parts.join('; ')];
}

function crossReferenceFindings(facts: BriefingFacts): string[] {
  const crossReference = facts.outputs['cross-reference'];
  if (!crossReference) return [];
  const lines = [
    `${countOf(crossReference.related.length, 'related item')} in memory, ${countOf(crossReference.contradictions.length, 'contradiction')}`,
  ];
  const contradiction = crossReference.contradictions[0];
  if (contradiction) {
    lines.push(
      `Contradiction: ${quoted(contradiction.claim, 90)} versus ${quoted(contradiction.otherClaim, 90)}`,
    );
  }
  return lines;
}

function secondOpinionFindings(facts: BriefingFacts): string[] {
  const secondOpinion = facts.outputs['second-opinion'];
  if (!secondOpinion || secondOpinion.reviews.length === 0) return [];
  const changed = secondOpinion.reviews.filter(
    (review) => review.reconciledVerdict !== review.originalVerdict,
  ).length;
  return [
    `Second opinion agreed on ${Math.round(secondOpinion.agreementRate * 100)}% of ${countOf(secondOpinion.reviews.length, 'verdict')}; ${countOf(changed, 'verdict')} changed after reconciliation`,
  ];
}

function speakerFindings(facts: BriefingFacts): string[] {
  const profile = facts.outputs['speaker-profile'];
  if (!profile) return [];
  const techniques = profile.speakers.flatMap((speaker) => speaker.persuasionTechniques);
  const first = techniques[0];
  if (!first) return [];
  const names = [...new Set(techniques.map((technique) => technique.technique))];
  return [
    `Persuasion techniques: ${joinWords(names.slice(0, 4))} (for example ${quoted(first.quote, 90)})`,
  ];
}

function topicFindings(facts: BriefingFacts): string[] {
  const summary = facts.outputs.summarize;
  if (!summary || summary.topics.length === 0) return [];
  return [`Topics: ${summary.topics.slice(0, 6).join(', ')}`];
}

function entityFindings(facts: BriefingFacts): string[] {
  const graph = facts.outputs['knowledge-graph'];
  if (!graph || graph.entities.length === 0) return [];
  const top = [...graph.entities]
    .sort((left, right) => right.mentions - left.mentions)
    .slice(0, 3)
    .map((entity) => `${entity.name} (${entity.type}, ${countOf(entity.mentions, 'mention')})`);
  return [
    `Most mentioned: ${top.join(', ')}; ${countOf(graph.relations.length, 'relation')} in the knowledge graph`,
  ];
}

/** Concrete, data-backed findings, one line each, only for the data that exists. */
export function keyFindings(facts: BriefingFacts): string[] {
  return [
    ...qualityFinding(facts),
    ...deceptionFindings(facts),
    ...threatFindings(facts),
    ...factCheckFindings(facts),
    ...claimFindings(facts),
    ...fallacyFindings(facts),
    ...sentimentFindings(facts),
    ...perspectiveFindings(facts),
    ...crossReferenceFindings(facts),
    ...secondOpinionFindings(facts),
    ...speakerFindings(facts),
    ...topicFindings(facts),
    ...entityFindings(facts),
  ];
}

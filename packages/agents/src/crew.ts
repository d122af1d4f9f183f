import type { AgentDefinition, LlmStageId } from './agent-definition.js';
import { briefingAgent } from './crew/briefing.js';
import { claimsAgent } from './crew/claims.js';
import { factCheckAgent } from './crew/fact-check.js';
import { fallaciesAgent } from './crew/fallacies.js';
import { knowledgeGraphAgent } from './crew/knowledge-graph.js';
import { perspectivesAgent } from './crew/perspectives.js';
import { secondOpinionAgent } from './crew/second-opinion.js';
import { sentimentAgent } from './crew/sentiment.js';
import { speakerProfileAgent } from './crew/speaker-profile.js';
import { summarizeAgent } from './crew/summarize.js';
import { threatAgent } from './crew/threat.js';

/** The analysis crew: one agent definition per LLM stage. */
export const CREW: { readonly [S in LlmStageId]: AgentDefinition<S> } = {
  summarize: summarizeAgent,
  claims: claimsAgent,
  sentiment: sentimentAgent,
  'fact-check': factCheckAgent,
  fallacies: fallaciesAgent,
  perspectives: perspectivesAgent,
  threat: threatAgent,
  'knowledge-graph': knowledgeGraphAgent,
  'speaker-profile': speakerProfileAgent,
  'second-opinion': secondOpinionAgent,
  briefing: briefingAgent,
};

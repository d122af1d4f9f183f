import type { IntelligenceReport } from '@orch/core';
import { briefingSection, summarySection } from './internal/briefing-sections.js';
import {
  crossReferenceSection,
  knowledgeGraphSection,
  memorySection,
  perspectivesSection,
  qualitySection,
  speakerProfileSection,
} from './internal/context-sections.js';
import {
  claimsSection,
  factChecksSection,
  fallaciesSection,
  secondOpinionSection,
} from './internal/evidence-sections.js';
import { escapeInline } from './internal/markdown-text.js';
import { deceptionSection, sentimentSection, threatSection } from './internal/risk-sections.js';
import {
  footer,
  metadataLine,
  stagesTable,
  titleLine,
  warningsSection,
} from './internal/run-sections.js';

/**
 * The report as Markdown: title, metadata, the analysis-mode notice, every section the report
 * has (each heading says how it was made), the stage table, warnings and timings. User text
 * is escaped so a quote cannot break the layout.
 */
export function renderMarkdown(report: IntelligenceReport): string {
  const blocks: (string | undefined)[] = [
    titleLine(report),
    metadataLine(report),
    report.analysis.notice ? `> ${escapeInline(report.analysis.notice)}` : undefined,
    report.briefing && briefingSection(report.briefing),
    report.summary && summarySection(report.summary),
    report.claims && claimsSection(report.claims),
    report.factChecks && factChecksSection(report.factChecks),
    report.secondOpinion && secondOpinionSection(report.secondOpinion),
    report.fallacies && fallaciesSection(report.fallacies),
    report.sentiment && sentimentSection(report.sentiment),
    report.deception && deceptionSection(report.deception),
    threatSection(report),
    report.perspectives && perspectivesSection(report.perspectives),
    report.knowledgeGraph && knowledgeGraphSection(report.knowledgeGraph),
    report.crossReference && crossReferenceSection(report.crossReference),
    report.speakerProfile && speakerProfileSection(report.speakerProfile),
    report.memory && memorySection(report.memory),
    report.quality && qualitySection(report.quality),
    stagesTable(report.stages),
    warningsSection(report.warnings),
    footer(report),
  ];
  return `${blocks.filter((block): block is string => block !== undefined).join('\n\n')}\n`;
}

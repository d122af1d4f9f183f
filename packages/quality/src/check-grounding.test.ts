import type { StageOutputMap } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { checkGrounding, type GroundingIssue } from './check-grounding.js';
import { makeArticle, makeTranscript } from './internal/content-fixture.js';

const SOURCE = makeArticle(
  'The city council approved a budget of 4 million dollars on Monday. ' +
    'Critics called the plan \u201Ca reckless gamble with our children\u2019s future.\u201D\n\n' +
    'Mayor Lee said: "Either we act now or the city goes bankrupt." ' +
    'Prices rose 16 percent in March. Everyone knows this plan will fail.',
);

const paths = (issues: GroundingIssue[]) => issues.map((issue) => issue.path).sort();

describe('checkGrounding', () => {
  it('claims: flags the invented claim and the one with a changed number only', () => {
    const output: StageOutputMap['claims'] = {
      method: 'llm',
      claims: [
        {
          id: 'c1',
          text: 'The city council approved a 4 million dollar budget',
          kinds: ['statistic'],
          checkWorthiness: 0.9,
        },
        { id: 'c2', text: 'The mayor was arrested for fraud', kinds: [], checkWorthiness: 0.5 },
        {
          id: 'c3',
          text: 'Prices rose 9 percent in March',
          kinds: ['statistic'],
          checkWorthiness: 0.8,
        },
        {
          id: 'c4',
          text: 'Prices rose 16 percent in March.',
          kinds: ['statistic'],
          checkWorthiness: 0.8,
        },
      ],
    };
    const issues = checkGrounding('claims', output, SOURCE);
    expect(paths(issues)).toEqual(['claims[1].text', 'claims[2].text']);
    expect(issues.every((issue) => issue.problem === 'claim-not-in-source')).toBe(true);
    const second = issues.find((issue) => issue.path === 'claims[1].text')!;
    expect(second.value).toBe('The mayor was arrested for fraud');
    expect(second.message).toContain('claims[1].text');
    expect(second.message).toContain('leave it out');
  });

  it('fallacies: flags quotes not in the source, accepts curly/straight and whitespace variants', () => {
    const output: StageOutputMap['fallacies'] = {
      method: 'llm',
      fallacies: [
        {
          type: 'false-dilemma',
          quote: 'Either we act now or the city goes bankrupt.',
          explanation: 'Two options only.',
          confidence: 0.8,
        },
        {
          type: 'appeal-to-emotion',
          quote: "a reckless gamble with our children's   future",
          explanation: 'Fear.',
          confidence: 0.7,
        },
        {
          type: 'appeal-to-popularity',
          quote: 'Everybody knows this plan is doomed',
          explanation: 'Invented.',
          confidence: 0.6,
        },
      ],
    };
    const issues = checkGrounding('fallacies', output, SOURCE);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'fallacies[2].quote', problem: 'quote-not-in-source' });
    expect(issues[0]!.message).toContain('word for word');
  });

  it('fact-check: checks content evidence and claims, never external evidence', () => {
    const output: StageOutputMap['fact-check'] = {
      method: 'llm',
      checks: [
        {
          claimId: 'c1',
          claim: 'Prices rose 16 percent in March',
          verdict: 'supported',
          confidence: 0.8,
          basis: 'source statement',
          explanation: 'Stated in the text.',
          evidence: [
            { quote: 'Prices rose 16 percent in March' },
            { quote: 'Prices doubled in March', source: 'content' },
            {
              quote: 'Inflation hit 16% in March per the bureau',
              source: 'https://stats.example.org/cpi',
            },
          ],
          sourceTrust: 1,
          salience: 1,
        },
        {
          claimId: 'c2',
          claim: 'The council banned cars downtown',
          verdict: 'unverifiable',
          confidence: 0.3,
          basis: 'no evidence',
          explanation: 'Nothing found.',
          evidence: [],
          sourceTrust: 1,
          salience: 1,
        },
      ],
    };
    expect(paths(checkGrounding('fact-check', output, SOURCE))).toEqual([
      'checks[0].evidence[1].quote',
      'checks[1].claim',
    ]);
  });

  it('sentiment, knowledge-graph, threat and speaker-profile: flags exactly the invented quotes', () => {
    const sentiment: StageOutputMap['sentiment'] = {
      method: 'llm',
      label: 'negative',
      score: -0.4,
      positiveShare: 0.1,
      negativeShare: 0.5,
      emotions: [{ name: 'fear', score: 0.6 }],
      rhetoric: [
        { device: 'hyperbole', quote: 'the city goes bankrupt' },
        { device: 'metaphor', quote: 'a ticking time bomb' },
      ],
    };
    expect(paths(checkGrounding('sentiment', sentiment, SOURCE))).toEqual(['rhetoric[1].quote']);

    const graph: StageOutputMap['knowledge-graph'] = {
      method: 'llm',
      entities: [{ id: 'e1', name: 'Mayor Lee', type: 'person', mentions: 1 }],
      relations: [
        {
          source: 'e2',
          target: 'e3',
          predicate: 'approved',
          evidence: 'The city council approved a budget of 4 million dollars on Monday.',
        },
        {
          source: 'e1',
          target: 'e2',
          predicate: 'leads',
          evidence: 'Mayor Lee leads the city council.',
        },
      ],
    };
    expect(paths(checkGrounding('knowledge-graph', graph, SOURCE))).toEqual([
      'relations[1].evidence',
    ]);

    const threat: StageOutputMap['threat'] = {
      method: 'llm',
      score: 0.4,
      level: 'medium',
      narrativeIntegrity: 0.6,
      manipulationIndicators: [
        { type: 'false urgency', quote: 'act now', explanation: 'Pressure to decide.' },
        { type: 'fear', explanation: 'General tone, no single quote.' },
        { type: 'us vs them', quote: 'they want to destroy us', explanation: 'Invented.' },
      ],
    };
    expect(paths(checkGrounding('threat', threat, SOURCE))).toEqual([
      'manipulationIndicators[2].quote',
    ]);

    const profile: StageOutputMap['speaker-profile'] = {
      method: 'llm',
      speakers: [
        {
          name: 'Mayor Lee',
          style: ['urgent'],
          persuasionTechniques: [
            { technique: 'false dilemma', quote: 'Either we act now or the city goes bankrupt' },
            { technique: 'bandwagon', quote: 'Join the millions who agree' },
          ],
        },
      ],
    };
    expect(paths(checkGrounding('speaker-profile', profile, SOURCE))).toEqual([
      'speakers[0].persuasionTechniques[1].quote',
    ]);
  });

  it('perspectives: checks supporting quotes and bias indicator quotes', () => {
    const output: StageOutputMap['perspectives'] = {
      method: 'llm',
      perspectives: [
        {
          viewpoint: 'critics',
          summary: 'They fear the cost.',
          supportingQuotes: ['a reckless gamble', 'waste of taxpayer money'],
        },
      ],
      bias: {
        score: 0.4,
        indicators: [
          { type: 'loaded language', quote: 'reckless gamble', explanation: 'Emotive.' },
          { type: 'loaded language', quote: 'disastrous scheme', explanation: 'Invented.' },
        ],
      },
      missingViewpoints: ['residents'],
    };
    expect(paths(checkGrounding('perspectives', output, SOURCE))).toEqual([
      'bias.indicators[1].quote',
      'perspectives[0].supportingQuotes[1]',
    ]);
  });

  it('every stage: flags placeholder and empty strings anywhere in the output', () => {
    const summary: StageOutputMap['summarize'] = {
      method: 'llm',
      summary: 'The council approved a 4 million dollar energy budget; critics object.',
      keyPoints: ['Key point goes here', 'Prices rose 16 percent in March.', '   '],
      topics: ['[Insert topic]'],
      keywords: [{ term: 'budget', score: 1 }],
      entities: [{ text: 'Sample Video Title', type: 'other', count: 1 }],
    };
    const issues = checkGrounding('summarize', summary, SOURCE);
    expect(issues.map((issue) => [issue.path, issue.problem]).sort()).toEqual([
      ['entities[0].text', 'placeholder'],
      ['keyPoints[0]', 'placeholder'],
      ['keyPoints[2]', 'empty'],
      ['topics[0]', 'placeholder'],
    ]);
  });

  it('reports one issue per path: a placeholder quote is not also reported as missing', () => {
    const output: StageOutputMap['fallacies'] = {
      method: 'llm',
      fallacies: [
        {
          type: 'straw-man',
          quote: '[quote]',
          explanation: 'The exact quote goes here.',
          confidence: 0.5,
        },
      ],
    };
    expect(
      checkGrounding('fallacies', output, SOURCE).map((issue) => [issue.path, issue.problem]),
    ).toEqual([
      ['fallacies[0].quote', 'placeholder'],
      ['fallacies[0].explanation', 'placeholder'],
    ]);
  });

  it('acquire: flags a fabricated title in the metadata but not the source text itself', () => {
    const content = makeTranscript([
      { text: 'Our placeholder budget goes here for now.', startSeconds: 0 },
    ]);
    const acquired = { ...content, metadata: { ...content.metadata, title: 'Sample Video Title' } };
    expect(checkGrounding('acquire', acquired, content).map((issue) => issue.path)).toEqual([
      'metadata.title',
    ]);
  });

  it('returns no issues for a fully grounded output', () => {
    const output: StageOutputMap['fallacies'] = {
      method: 'heuristic',
      fallacies: [
        {
          type: 'appeal-to-popularity',
          quote: 'Everyone knows this plan will fail',
          explanation: 'Popularity as proof.',
          confidence: 0.6,
        },
      ],
    };
    expect(checkGrounding('fallacies', output, SOURCE)).toEqual([]);
  });

  it('does not throw on malformed model output', () => {
    const broken = {
      method: 'llm',
      fallacies: [null, { quote: 7 }, { quote: 'not in the source at all' }],
    };
    expect(paths(checkGrounding('fallacies', broken as never, SOURCE))).toEqual([
      'fallacies[2].quote',
    ]);
    expect(checkGrounding('claims', {} as never, SOURCE)).toEqual([]);
  });

  it('throws QUALITY_STAGE_UNKNOWN for a stage that does not exist', () => {
    expect(() => checkGrounding('fallacys' as never, {} as never, SOURCE)).toThrow(
      expect.objectContaining({ code: 'QUALITY_STAGE_UNKNOWN' }),
    );
  });
});

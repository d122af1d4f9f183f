import { describe, expect, it } from 'vitest';
import { GROUNDED_STAGES } from './grounded-stages.js';

describe('GROUNDED_STAGES', () => {
  it('lists the stages whose quotes or claims are checked against the source', () => {
    expect([...GROUNDED_STAGES].sort()).toEqual([
      'claims',
      'fact-check',
      'fallacies',
      'knowledge-graph',
      'perspectives',
      'sentiment',
      'speaker-profile',
      'threat',
    ]);
  });
});

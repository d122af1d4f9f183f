import { STAGE_IDS } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { LLM_STAGE_IDS } from './agent-definition.js';
import { CREW } from './crew.js';
import { articleContent, outsideSourceBlocks, sourceBlocks } from './internal/test-support.js';

const SECRET = 'The bridge toll rises to 7 euros in June.';
const content = articleContent([SECRET]);
const outputs = {
  acquire: content,
  claims: {
    method: 'llm' as const,
    claims: [{ id: 'c1', text: 'Tolls exist.', kinds: [], checkWorthiness: 0.5 }],
  },
};

describe('CREW', () => {
  it('defines one agent per LLM stage, keyed by its own stage', () => {
    expect(Object.keys(CREW).sort()).toEqual([...LLM_STAGE_IDS].sort());
    for (const stage of LLM_STAGE_IDS) {
      expect(CREW[stage].stage).toBe(stage);
      expect(STAGE_IDS).toContain(stage);
      expect(CREW[stage].promptVersion).toMatch(new RegExp(`^${stage}@[0-9]+$`));
      expect(CREW[stage].schemaName).toMatch(/^orch_[a-z_]+$/);
    }
  });

  it('puts the source only between the source markers of every user prompt', () => {
    for (const stage of LLM_STAGE_IDS) {
      const user = CREW[stage].buildUser({ content, outputs, maxClaims: 5 });
      expect(sourceBlocks(user), stage).toEqual([SECRET]);
      expect(outsideSourceBlocks(user), stage).not.toContain(SECRET);
    }
  });

  it('lists the whole fallacy taxonomy in the fallacy instructions', () => {
    expect(CREW.fallacies.instructions).toContain('ad-hominem');
    expect(CREW.fallacies.instructions).toContain('no-true-scotsman');
  });

  it('keeps provenance out of the model-facing schemas', () => {
    const sample = CREW.summarize.schema.safeParse({
      summary: 'x',
      keyPoints: [],
      topics: [],
      keywords: [],
      entities: [],
    });
    expect(sample.success).toBe(true);
    const output = CREW.summarize.toOutput(sample.data, {
      model: 'm',
      promptVersion: 'summarize@1',
    });
    expect(output).toMatchObject({ method: 'llm', model: 'm', promptVersion: 'summarize@1' });
  });
});

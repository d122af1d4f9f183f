import { describe, expect, it } from 'vitest';
import { intelligenceGrade } from './intelligence-grade.js';

describe('intelligenceGrade', () => {
  it('grades by which evidence exists', () => {
    const grade = (hasThreatAssessment: boolean, hasFactChecks: boolean, hasTranscript: boolean) =>
      intelligenceGrade({ hasThreatAssessment, hasFactChecks, hasTranscript });
    expect(grade(true, true, true)).toBe('A');
    expect(grade(true, true, false)).toBe('B');
    expect(grade(true, false, true)).toBe('B');
    expect(grade(false, true, true)).toBe('B');
    expect(grade(false, false, true)).toBe('C');
    expect(grade(true, false, false)).toBe('D');
    expect(grade(false, true, false)).toBe('D');
    expect(grade(false, false, false)).toBe('D');
  });
});

import { describe, expect, it } from 'vitest';
import { assessThreatLevel } from './threat-level.js';

const level = (deceptionScore: number, fallacyCount: number) =>
  assessThreatLevel({ deceptionScore, fallacyCount }).level;

describe('assessThreatLevel', () => {
  it('is high only above 0.7 deception', () => {
    expect(level(0.7, 0)).toBe('medium');
    expect(level(0.71, 0)).toBe('high');
    expect(level(1, 0)).toBe('high');
  });

  it('is medium only above 0.4 deception', () => {
    expect(level(0.4, 0)).toBe('low');
    expect(level(0.41, 0)).toBe('medium');
  });

  it('uses more than 5 fallacies for high and more than 2 for medium', () => {
    expect(level(0, 2)).toBe('low');
    expect(level(0, 3)).toBe('medium');
    expect(level(0, 5)).toBe('medium');
    expect(level(0, 6)).toBe('high');
  });

  it('names the rule that fired, with the numbers', () => {
    expect(assessThreatLevel({ deceptionScore: 0.75, fallacyCount: 7 }).reason).toBe(
      'deception score 0.75 is above 0.7 and 7 fallacies found, more than 5',
    );
    expect(assessThreatLevel({ deceptionScore: 0.5, fallacyCount: 1 }).reason).toBe(
      'deception score 0.50 is above 0.4',
    );
    expect(assessThreatLevel({ deceptionScore: 0.3, fallacyCount: 1 }).reason).toBe(
      'deception score 0.30 is at most 0.4 and 1 fallacy found, at most 2',
    );
  });

  it('shows enough digits that a score just above a threshold does not read as equal to it', () => {
    expect(assessThreatLevel({ deceptionScore: 0.7004, fallacyCount: 0 }).reason).toBe(
      'deception score 0.7004 is above 0.7',
    );
  });

  it('rejects scores outside [0, 1] and fractional counts', () => {
    expect(() => assessThreatLevel({ deceptionScore: 1.2, fallacyCount: 0 })).toThrow(
      /deceptionScore must be a finite number from 0 to 1, but it was 1.2/,
    );
    expect(() => assessThreatLevel({ deceptionScore: 0.2, fallacyCount: 1.5 })).toThrow(
      /fallacyCount must be an integer/,
    );
  });
});

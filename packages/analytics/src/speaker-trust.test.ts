import { describe, expect, it } from 'vitest';
import { speakerTrust } from './speaker-trust.js';

describe('speakerTrust', () => {
  it('bands truths / (truths + lies) at 0.8, 0.6, 0.4 and 0.2', () => {
    expect(speakerTrust({ truths: 8, lies: 2 })).toEqual({ score: 0.8, band: 'high' });
    expect(speakerTrust({ truths: 79, lies: 21 })).toEqual({ score: 0.79, band: 'trusted' });
    expect(speakerTrust({ truths: 3, lies: 2 })).toEqual({ score: 0.6, band: 'trusted' });
    expect(speakerTrust({ truths: 2, lies: 3 })).toEqual({ score: 0.4, band: 'neutral' });
    expect(speakerTrust({ truths: 1, lies: 4 })).toEqual({ score: 0.2, band: 'questionable' });
    expect(speakerTrust({ truths: 1, lies: 9 })).toEqual({ score: 0.1, band: 'untrusted' });
    expect(speakerTrust({ truths: 0, lies: 3 })).toEqual({ score: 0, band: 'untrusted' });
  });

  it('is unknown, with no score, when the speaker has no record', () => {
    expect(speakerTrust({ truths: 0, lies: 0 })).toEqual({ score: null, band: 'unknown' });
  });

  it('rejects negative counts', () => {
    expect(() => speakerTrust({ truths: -1, lies: 2 })).toThrow(/truths must be/);
  });
});

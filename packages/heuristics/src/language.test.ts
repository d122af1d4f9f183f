import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it('detects English with high confidence', () => {
    const result = detectLanguage(
      'The city council approved a new energy plan on Tuesday that will install solar panels on public buildings and replace old streetlights.',
    );
    expect(result.code).toBe('en');
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    [
      'fr',
      "Le conseil municipal a approuvé mardi un nouveau plan énergétique qui prévoit l'installation de panneaux solaires sur les bâtiments publics.",
    ],
    [
      'es',
      'El ayuntamiento aprobó el martes un nuevo plan energético que instalará paneles solares en los edificios públicos de la ciudad.',
    ],
    [
      'de',
      'Der Stadtrat hat am Dienstag einen neuen Energieplan verabschiedet, der Solaranlagen auf allen öffentlichen Gebäuden der Stadt vorsieht.',
    ],
  ])('maps franc ISO 639-3 to ISO 639-1 for %s', (code, text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('says und with zero confidence when the text is too short to judge', () => {
    expect(detectLanguage('')).toEqual({ code: 'und', confidence: 0 });
    expect(detectLanguage('Hi there')).toEqual({ code: 'und', confidence: 0 });
    expect(detectLanguage('12345 67890 !!! ???')).toEqual({ code: 'und', confidence: 0 });
  });

  it('agrees across the pieces of a long single-language text', () => {
    const paragraph =
      'The library opened a new branch in the east of the city, with study rooms, public computers and a children’s corner. ';
    const result = detectLanguage(paragraph.repeat(12));
    expect(result).toEqual({ code: 'en', confidence: 1 });
  });
});

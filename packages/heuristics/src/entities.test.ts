import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.js';

const TEXT = `Mayor Elena Marsh said the Riverside Public Library will open on Saturday, March 8, 2025. Marsh confirmed that the Department of Public Works spent $2.1 million on the building. According to the Harbor Institute, visits to libraries in Chicago rose 12% last year. Dr. Priya Nand of Lakeshore University said 3,400 residents had signed up. Marsh thanked Nand.`;

describe('extractEntities', () => {
  it('finds people, organisations and places, stripping titles', () => {
    const entities = extractEntities(TEXT);
    const find = (name: string) => entities.find((entity) => entity.text === name);
    expect(find('Elena Marsh')?.type).toBe('person');
    expect(find('Priya Nand')?.type).toBe('person');
    expect(find('Riverside Public Library')?.type).toBe('organization');
    expect(find('Department of Public Works')?.type).toBe('organization');
    expect(find('Harbor Institute')?.type).toBe('organization');
    expect(find('Lakeshore University')?.type).toBe('organization');
    expect(find('Chicago')?.type).toBe('place');
  });

  it('merges a surname with the full name and counts every mention', () => {
    const entities = extractEntities(TEXT);
    expect(entities.find((entity) => entity.text === 'Elena Marsh')?.count).toBe(3);
    expect(entities.find((entity) => entity.text === 'Priya Nand')?.count).toBe(2);
    expect(entities.some((entity) => entity.text === 'Marsh')).toBe(false);
    expect(entities[0]?.text).toBe('Elena Marsh');
  });

  it('finds dates, money, percentages and numbers', () => {
    const entities = extractEntities(TEXT);
    const typed = (type: string) =>
      entities.filter((entity) => entity.type === type).map((entity) => entity.text);
    expect(typed('money')).toContain('$2.1 million');
    expect(typed('percent')).toContain('12%');
    expect(typed('number')).toContain('3,400');
    expect(typed('date')).toEqual(expect.arrayContaining(['last year']));
    expect(typed('date').some((date) => date.includes('2025'))).toBe(true);
  });

  it('returns an empty list for empty input', () => {
    expect(extractEntities('')).toEqual([]);
  });
});

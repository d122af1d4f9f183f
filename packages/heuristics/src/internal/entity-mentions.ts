import type { EntityType } from '@orch/core';
import nlp from 'compromise';
import type { ParsedDocument } from './document.js';
import {
  NAME_CONNECTORS,
  ORGANIZATION_WORDS,
  PERSON_TITLES,
  PLACE_PREPOSITIONS,
} from './lexicons/entities.js';

export interface Mention {
  start: number;
  end: number;
}

/** An entity with every place it is mentioned in the text. */
export interface LocatedEntity {
  /** Display name, titles stripped ("Jane Doe", "Riverside Public Library", "12%"). */
  text: string;
  type: EntityType;
  /** Non-overlapping mentions in text order; never empty. */
  mentions: Mention[];
}

const NAMED_TYPES = ['person', 'organization', 'place'] as const;
type NamedType = (typeof NAMED_TYPES)[number];

interface Candidate {
  name: string;
  type: NamedType;
  /** Other written forms that refer to the same entity (surname, name with title). */
  aliases: Set<string>;
  votes: Map<NamedType, number>;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TITLE_PATTERN = new RegExp(
  `^(?:${[...PERSON_TITLES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\s+`,
);

const ORGANIZATION_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:[A-Z][\\p{L}&'.-]*\\s+){0,5}(?:${ORGANIZATION_WORDS.map(escapeRegExp).join('|')})(?:\\s+(?:of|for|on)(?:\\s+the)?(?:\\s+[A-Z][\\p{L}&'-]*){1,4})?)(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Normalised key used to merge forms of one entity. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}%$€£ ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strips punctuation, possessives, a leading "the" and a leading title from a name. */
function cleanName(raw: string): { name: string; hadTitle: boolean } {
  let name = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[’']s$/u, '')
    .replace(/[,;:!?"“”)(\]]+$/u, '')
    .replace(/\.$/u, (dot) => (/\b(?:Inc|Corp|Ltd|Co|Jr|Sr)\.$/.test(raw.trim()) ? dot : ''))
    .trim();
  name = name.replace(/^(?:the|The)\s+/, '');
  const withoutTitle = name.replace(TITLE_PATTERN, '');
  return { name: withoutTitle.trim(), hadTitle: withoutTitle !== name };
}

function isProperName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length === 0 || name.length < 2) return false;
  return words.every(
    (word) => /^[\p{Lu}\p{N}]/u.test(word) || NAME_CONNECTORS.has(word.toLowerCase()),
  );
}

const ORGANIZATION_HEAD = new RegExp(
  `(?:^|\\s)(?:${ORGANIZATION_WORDS.map(escapeRegExp).join('|')})\\s+(?:of|for|on)\\s`,
);

function isOrganizationName(name: string): boolean {
  const last = name.split(/\s+/).pop() ?? '';
  return ORGANIZATION_WORDS.includes(last) || ORGANIZATION_HEAD.test(name);
}

function addCandidate(
  candidates: Map<string, Candidate>,
  name: string,
  type: NamedType,
  alias?: string,
): void {
  const key = normalizeName(name);
  if (key.length < 2) return;
  let candidate = candidates.get(key);
  if (candidate === undefined) {
    candidate = { name, type, aliases: new Set([name]), votes: new Map() };
    candidates.set(key, candidate);
  }
  candidate.votes.set(type, (candidate.votes.get(type) ?? 0) + 1);
  if (alias !== undefined) candidate.aliases.add(alias);
}

function collectNamedCandidates(text: string): Map<string, Candidate> {
  const candidates = new Map<string, Candidate>();
  for (const match of text.matchAll(ORGANIZATION_PATTERN)) {
    const { name } = cleanName(match[1] ?? '');
    if (isProperName(name) && name.includes(' ')) {
      addCandidate(candidates, name, 'organization');
    }
  }
  const doc = nlp(text);
  type Item = { text: string; offset?: { start: number } };
  // offsets are only needed for people (to re-type "in Austin" as a place); they cost time
  const groups: [NamedType, Item[]][] = [
    ['person', doc.people().json({ offset: true }) as Item[]],
    ['place', doc.places().json() as Item[]],
    ['organization', doc.organizations().json() as Item[]],
  ];
  for (const [guessed, items] of groups) {
    for (const item of items) {
      const raw = item.text;
      const { name, hadTitle } = cleanName(raw);
      if (!isProperName(name) || ORGANIZATION_WORDS.includes(name)) continue;
      let type: NamedType = guessed;
      if (isOrganizationName(name)) type = 'organization';
      else if (hadTitle) type = 'person';
      else if (guessed === 'person' && !name.includes(' ') && item.offset !== undefined) {
        const before = text.slice(Math.max(0, item.offset.start - 12), item.offset.start);
        if (PLACE_PREPOSITIONS.test(before)) type = 'place';
      }
      addCandidate(candidates, name, type);
    }
  }
  return candidates;
}

function mostVoted(candidate: Candidate): NamedType {
  let best: NamedType = candidate.type;
  let bestVotes = -1;
  for (const type of NAMED_TYPES) {
    const votes = candidate.votes.get(type) ?? 0;
    // organisation wins ties: its evidence (an organisation word) is the most specific
    if (votes > bestVotes || (votes === bestVotes && votes > 0 && type === 'organization')) {
      best = type;
      bestVotes = votes;
    }
  }
  return best;
}

/** Drops single-word candidates that are part of a longer one of the same entity (surnames). */
function mergeSurnames(candidates: Map<string, Candidate>): Candidate[] {
  const list = [...candidates.values()].map((candidate) => ({
    ...candidate,
    type: mostVoted(candidate),
  }));
  const people = list.filter(
    (candidate) => candidate.type === 'person' && candidate.name.includes(' '),
  );
  const merged: Candidate[] = [];
  for (const candidate of list) {
    if (!candidate.name.includes(' ')) {
      // a lone word that ends exactly one longer name of the same kind is that entity ("Okafor")
      const owners = list.filter(
        (other) =>
          other !== candidate &&
          other.name.includes(' ') &&
          (other.type === candidate.type ||
            (candidate.type === 'person' && other.type === 'person')) &&
          other.name.split(/\s+/).pop() === candidate.name,
      );
      const owner = owners.length === 1 ? owners[0] : undefined;
      if (owner !== undefined) {
        owner.aliases.add(candidate.name);
        continue;
      }
    }
    merged.push(candidate);
  }
  // A person's surname is an alias of the full name when exactly one person has it.
  for (const person of people) {
    const surname = person.name.split(/\s+/).pop() ?? '';
    if (surname.length < 3) continue;
    const sharing = people.filter((other) => other.name.split(/\s+/).pop() === surname);
    const clashes = merged.some((other) => other.type !== 'person' && other.name === surname);
    if (sharing.length === 1 && !clashes) person.aliases.add(surname);
  }
  return merged;
}

function locate(text: string, forms: Iterable<string>, taken: boolean[]): Mention[] {
  const mentions: Mention[] = [];
  const sorted = [...new Set(forms)]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const form of sorted) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      let free = true;
      for (let index = start; index < end; index += 1) {
        if (taken[index]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      for (let index = start; index < end; index += 1) taken[index] = true;
      mentions.push({ start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

const NUMERIC_TYPES: Readonly<Record<string, EntityType>> = {
  DATE: 'date',
  TIME: 'date',
  MONEY: 'money',
  PERCENT: 'percent',
  CARDINAL: 'number',
};

const LEADING_QUALIFIER =
  /^(?:(?:by|in|on|since|until|from|at|during|for|of|about|around|roughly|nearly|almost|approximately|some|over|under|more than|less than|fewer than|up to|at least)\s+)+/i;

const SCALE_WORD = /\b(?:hundred|thousand|million|billion|trillion|dozen)s?\b/i;

/** A date worth listing: has a digit, a month or weekday, or a named period ("last year"). */
const SPECIFIC_DATE =
  /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:last|next|this|past|coming) (?:year|month|week|decade|quarter|century|spring|summer|fall|autumn|winter)\b|\b(?:yesterday|tomorrow)\b/i;

function isUsefulNumeric(type: EntityType, value: string, following: string): boolean {
  if (/^[\p{L}]/u.test(following)) return false; // "3D", "5G": part of a word, not a number
  if (type === 'date') return SPECIFIC_DATE.test(value);
  if (type === 'number') return /\d/.test(value) || SCALE_WORD.test(value);
  return true;
}

function locateNumeric(document: ParsedDocument): LocatedEntity[] {
  const byKey = new Map<string, LocatedEntity>();
  for (const entity of document.entities) {
    const type = NUMERIC_TYPES[entity.type];
    if (type === undefined) continue;
    if (!isUsefulNumeric(type, entity.value, document.text.charAt(entity.end))) continue;
    const lead = LEADING_QUALIFIER.exec(entity.value)?.[0] ?? '';
    const value = entity.value.slice(lead.length).replace(/\s+/g, ' ');
    if (value.length === 0) continue;
    const mention = { start: entity.start + lead.length, end: entity.end };
    const key = `${type}:${value.toLowerCase()}`;
    const existing = byKey.get(key);
    if (existing === undefined) byKey.set(key, { text: value, type, mentions: [mention] });
    else existing.mentions.push(mention);
  }
  return [...byKey.values()];
}

/**
 * Finds people, organisations and places (compromise, corrected by titles and organisation
 * words) and dates, numbers, money and percentages (wink), merges the forms of one entity by
 * normalised name, and locates every mention in the text.
 */
export function locateEntities(document: ParsedDocument): LocatedEntity[] {
  const { text } = document;
  if (text.trim().length === 0) return [];
  const named = mergeSurnames(collectNamedCandidates(text));
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  // Longest names first, so "Riverside Public Library" is not counted as "Riverside".
  named.sort((a, b) => b.name.length - a.name.length);
  const located: LocatedEntity[] = [];
  for (const candidate of named) {
    const mentions = locate(text, candidate.aliases, taken);
    if (mentions.length > 0) located.push({ text: candidate.name, type: candidate.type, mentions });
  }
  located.push(...locateNumeric(document));
  return located.sort(
    (a, b) => b.mentions.length - a.mentions.length || a.mentions[0]!.start - b.mentions[0]!.start,
  );
}

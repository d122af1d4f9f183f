import { ConfigError } from '@orch/core';
import { seededRandom } from './seeded-random.js';

/** Options of `syntheticTranscript`. */
export interface SyntheticTranscriptOptions {
  /** At least this many words (default 30,000: about three hours of speech). */
  words?: number;
  /** The same seed gives the same transcript. Default 1. */
  seed?: number;
  /** Seconds each cue lasts. Default 6. */
  cueSeconds?: number;
}

/** A generated talk as WebVTT, and the facts a test needs about it. */
export interface SyntheticTranscript {
  /** A WebVTT file with `<v Speaker>` voice tags. */
  vtt: string;
  /** The spoken text, cue after cue, separated by spaces. */
  text: string;
  wordCount: number;
  cueCount: number;
  durationSeconds: number;
}

const SPEAKERS = ['Anna Berg', 'Tom Reyes', 'Lina Park', 'Omar Haddad', 'Grace Mensah'];
const NAMES = [
  'the mayor',
  'councillors',
  'engineers',
  'planners',
  'auditors',
  'residents',
  'shopkeepers',
  'teachers',
  'nurses',
  'commuters',
  'landlords',
  'tenants',
  'farmers',
  'students',
  'pensioners',
  'cyclists',
  'drivers',
  'inspectors',
  'economists',
  'architects',
  'firefighters',
  'volunteers',
  'journalists',
  'lawyers',
  'bankers',
  'developers',
  'unions',
  'neighbours',
];
const VERBS = [
  'approved',
  'delayed',
  'cancelled',
  'funded',
  'questioned',
  'reviewed',
  'promised',
  'opposed',
  'expanded',
  'audited',
  'redesigned',
  'postponed',
  'welcomed',
  'criticised',
  'supported',
  'rejected',
  'measured',
  'inspected',
  'priced',
  'defended',
  'praised',
  'blocked',
  'tested',
  'mapped',
  'relocated',
  'doubled',
];
const ADJECTIVES = [
  'new',
  'costly',
  'smaller',
  'temporary',
  'electric',
  'public',
  'private',
  'overdue',
  'ambitious',
  'modest',
  'controversial',
  'wooden',
  'quiet',
  'crowded',
  'flooded',
  'renovated',
  'unfinished',
  'cheaper',
  'wider',
  'safer',
  'greener',
  'older',
  'faster',
  'noisy',
  'empty',
  'popular',
];
const NOUNS = [
  'bridges',
  'buses',
  'panels',
  'barriers',
  'flats',
  'paths',
  'schools',
  'pipes',
  'lamps',
  'garages',
  'clinics',
  'ferries',
  'trams',
  'libraries',
  'parks',
  'markets',
  'stations',
  'tunnels',
  'pools',
  'kitchens',
  'playgrounds',
  'warehouses',
  'harbours',
  'roads',
  'gardens',
  'museums',
  'hostels',
  'depots',
];
const PLACES = [
  'Eastside',
  'Millbrook',
  'Northgate',
  'Lakeview',
  'Southpoint',
  'Riverside',
  'Oakham',
  'Westbury',
  'Hillcrest',
  'Brookfield',
  'Elmwood',
  'Fairhaven',
  'Greenford',
  'Kingsbridge',
  'Marlow',
  'Ashdown',
  'Pinecroft',
  'Redcliff',
  'Stonebridge',
  'Thornbury',
];
const TIMES = [
  'yesterday',
  'recently',
  'again',
  'twice',
  'quietly',
  'finally',
  'suddenly',
  'gradually',
  'already',
  'eventually',
  'openly',
  'reluctantly',
  'swiftly',
  'partly',
  'formally',
  'unexpectedly',
];
const REACTIONS = [
  'Honestly,',
  'Clearly',
  'Meanwhile',
  'Still,',
  'Frankly,',
  'Obviously',
  'Admittedly',
  'Apparently',
  'Surprisingly',
  'Notably',
  'Unfortunately',
  'Fortunately',
  'Curiously',
  'Predictably',
];

function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds % 60)}.000`;
}

/**
 * A long, deterministic, varied talk about city projects by five speakers, as WebVTT: for
 * long-source tests and benchmarks (chunking, token limits, timestamps) that need hours of
 * speech without shipping a recording. Sentences combine slots from small vocabularies with
 * figures, so the text passes orch's repetition and vocabulary gates like real speech does.
 *
 * @throws ConfigError SYNTHETIC_TRANSCRIPT_OPTIONS_INVALID for a non-positive words or cueSeconds.
 */
export function syntheticTranscript(options: SyntheticTranscriptOptions = {}): SyntheticTranscript {
  const target = options.words ?? 30_000;
  const cueSeconds = options.cueSeconds ?? 6;
  if (!Number.isInteger(target) || target < 1 || !Number.isInteger(cueSeconds) || cueSeconds < 1) {
    throw new ConfigError(
      'SYNTHETIC_TRANSCRIPT_OPTIONS_INVALID',
      `syntheticTranscript: words and cueSeconds must be positive integers, got words ${String(target)} and cueSeconds ${String(cueSeconds)}.`,
    );
  }
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const figure = () => Math.floor(random() * 980) + 20;
  const sentence = (): string => {
    switch (Math.floor(random() * 5)) {
      case 0:
        return `${pick(NAMES)} ${pick(TIMES)} ${pick(VERBS)} ${figure()} ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${pick(PLACES)}.`;
      case 1:
        return `${pick(REACTIONS)} ${pick(NAMES)} ${pick(VERBS)} ${pick(ADJECTIVES)} ${pick(NOUNS)} near ${pick(PLACES)}.`;
      case 2:
        return `${pick(PLACES)} ${pick(NOUNS)} cost ${figure()} million, ${pick(ADJECTIVES)} ${pick(NAMES)} ${pick(TIMES)} said.`;
      case 3:
        return `Why were ${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(TIMES)} ${pick(VERBS)} by ${pick(NAMES)}?`;
      default:
        return `${figure()} ${pick(NAMES)} ${pick(TIMES)} ${pick(VERBS)} ${pick(PLACES)} ${pick(NOUNS)}.`;
    }
  };
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  const cues: string[] = [];
  const spoken: string[] = [];
  let wordCount = 0;
  for (let index = 0; wordCount < target; index += 1) {
    const text = `${capitalised(sentence())} ${capitalised(sentence())}`;
    const start = index * cueSeconds;
    cues.push(
      `${clock(start)} --> ${clock(start + cueSeconds)}\n<v ${SPEAKERS[index % SPEAKERS.length]}>${text}`,
    );
    spoken.push(text);
    wordCount += text.split(/\s+/).length;
  }
  return {
    vtt: `WEBVTT\n\n${cues.join('\n\n')}\n`,
    text: spoken.join(' '),
    wordCount,
    cueCount: cues.length,
    durationSeconds: cues.length * cueSeconds,
  };
}

import { InputError } from '@orch/core';
import { decode, encode, encodeGenerator } from 'gpt-tokenizer';

/** Special-token markers in user text (`<|endoftext|>`) are counted as plain text, never rejected. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * The number of tokens in `text` under the o200k_base encoding (GPT-4o, GPT-4.1, o-series,
 * GPT-5). Other model families (cl100k_base GPT-4/3.5, Llama, Qwen) differ by a few percent,
 * so treat the count as an estimate for them.
 */
export function countTokens(text: string): number {
  if (text === '') return 0;
  return encode(text, PLAIN_TEXT).length;
}

/**
 * The longest prefix of `text` that fits in `maxTokens` tokens (o200k_base); `text` itself when
 * it already fits.
 *
 * @throws InputError `INVALID_TOKEN_LIMIT` when `maxTokens` is not a non-negative integer.
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  if (!Number.isInteger(maxTokens) || maxTokens < 0) {
    throw new InputError(
      'INVALID_TOKEN_LIMIT',
      `truncateToTokens needs a non-negative integer token limit, got ${maxTokens}. Pass a whole number of tokens.`,
    );
  }
  if (text === '' || maxTokens === 0) return '';
  // Decode only whole pre-tokenizer pieces: gpt-tokenizer's decode keeps the bytes of a cut
  // character in a shared decoder and would prepend them to the next decode call.
  const kept: number[] = [];
  for (const piece of encodeGenerator(text, PLAIN_TEXT)) {
    if (kept.length + piece.length <= maxTokens) {
      for (const token of piece) kept.push(token);
      continue;
    }
    return decode(kept) + longestPrefixWithin(decode(piece), maxTokens - kept.length);
  }
  return text;
}

/** The longest prefix (whole code points) of a piece of text that fits in `maxTokens`. */
function longestPrefixWithin(piece: string, maxTokens: number): string {
  const characters = Array.from(piece);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countTokens(characters.slice(0, middle).join('')) <= maxTokens) low = middle;
    else high = middle - 1;
  }
  return characters.slice(0, low).join('');
}

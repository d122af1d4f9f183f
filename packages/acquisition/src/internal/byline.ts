const BYLINE = /^(?:written\s+by|words\s+by|by)\s*:?\s+(.+)$/iu;
const NAME_CUT = /\s*(?:,|\||\u2014|\u2013|\s-\s|\bon\s+\w+\s+\d|\bupdated\b|\bpublished\b).*$/iu;

/**
 * The author named by a byline paragraph such as "By Jane Doe" or "By Jane Doe, Staff Writer"
 * (the name stops at a comma, `|`, a dash or a date), or undefined when the text is not a byline
 * (no "By" prefix, a name not starting with a capital letter, more than eight words, over 80
 * characters).
 */
export function bylineAuthor(paragraph: string): string | undefined {
  const match = BYLINE.exec(paragraph.trim());
  const rest = match?.[1];
  if (rest === undefined) return undefined;
  const name = rest.replace(NAME_CUT, '').trim();
  if (name.length === 0 || name.length > 80) return undefined;
  if (!/^\p{Lu}/u.test(name)) return undefined;
  if (name.split(/\s+/).length > 8) return undefined;
  return name;
}

/** A byline from page metadata: the text without a leading "By". */
export function stripBylinePrefix(byline: string): string {
  return byline.replace(/^\s*by\s*:?\s+/iu, '').trim();
}

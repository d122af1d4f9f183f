/** A Markdown file split into its YAML front matter fields and the Markdown after it. */
export interface FrontMatterSplit {
  body: string;
  /** Top-level `key: value` lines of the front matter, keys lower-cased, quotes removed. */
  fields: Map<string, string>;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FIELD = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2) {
    const first = trimmed[0];
    if ((first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1);
  }
  return trimmed;
}

/** Splits a leading `---` front matter block off a Markdown text (LF line endings expected). */
export function splitFrontMatter(markdown: string): FrontMatterSplit {
  const match = FRONT_MATTER.exec(markdown);
  const fields = new Map<string, string>();
  if (match === null) return { body: markdown, fields };
  for (const line of (match[1] ?? '').split('\n')) {
    const field = FIELD.exec(line);
    if (field === null) continue;
    const key = (field[1] ?? '').toLowerCase();
    const value = unquote(field[2] ?? '');
    if (value.length > 0 && !fields.has(key)) fields.set(key, value);
  }
  return { body: markdown.slice(match[0].length), fields };
}

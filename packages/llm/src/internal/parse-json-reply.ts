export type JsonReply = { ok: true; value: unknown } | { ok: false; problem: string };

const WHOLE_FENCE = /^```[A-Za-z]*[ \t]*\r?\n?([\s\S]*?)\r?\n?```$/;
const ANY_FENCE = /```(?:json|JSON)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/;

/** Parses a model reply as JSON; a reply wrapped in a ```json fenced block is accepted too. */
export function parseJsonReply(content: string): JsonReply {
  const text = content.trim();
  if (text === '') return { ok: false, problem: 'the reply was empty' };
  const whole = WHOLE_FENCE.exec(text);
  const first = tryParse(whole?.[1] ?? text);
  if (first.ok) return first;
  const fenced = whole === null ? ANY_FENCE.exec(text) : null;
  if (fenced?.[1] !== undefined) {
    const second = tryParse(fenced[1]);
    if (second.ok) return second;
  }
  return first;
}

function tryParse(text: string): JsonReply {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

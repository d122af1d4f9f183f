import { describe, expect, it } from 'vitest';
import { parseJsonReply } from './parse-json-reply.js';

describe('parseJsonReply', () => {
  it('parses plain JSON', () => {
    expect(parseJsonReply(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('accepts a ```json fenced block, alone or inside prose', () => {
    expect(parseJsonReply('```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonReply('Here it is:\n```json\n{"a": 2}\n```\nDone.')).toEqual({
      ok: true,
      value: { a: 2 },
    });
  });

  it('reports why a reply is not JSON', () => {
    const result = parseJsonReply('{"a": ');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(/JSON/);
    expect(parseJsonReply('   ')).toEqual({ ok: false, problem: 'the reply was empty' });
  });
});

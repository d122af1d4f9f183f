import { createHash } from 'node:crypto';
import {
  type Content,
  type Depth,
  LOCAL_TENANT,
  type Segment,
  type StageContext,
  type StageId,
  silentLogger,
} from '@orch/core';
import { createLlmClient, type LlmClient, resolveLlmConfig } from '@orch/llm';

/** Article content whose segments are its paragraphs (separated by blank lines). */
export function articleContent(paragraphs: readonly string[]): Content {
  const text = paragraphs.join('\n\n');
  const segments: Segment[] = [];
  let offset = 0;
  paragraphs.forEach((paragraph, index) => {
    segments.push({ index, text: paragraph, start: offset, end: offset + paragraph.length });
    offset += paragraph.length + 2;
  });
  return {
    id: createHash('sha256').update(text).digest('hex'),
    kind: 'article',
    text,
    segments,
    metadata: {
      source: { type: 'text', location: 'inline' },
      mediaType: 'text/plain',
      byteLength: Buffer.byteLength(text),
      wordCount: text.split(/\s+/).filter(Boolean).length,
      acquiredAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

export function stageContext(stage: StageId, depth: Depth = 'standard'): StageContext {
  return {
    runId: 'run-test',
    depth,
    tenant: LOCAL_TENANT,
    request: { source: { type: 'text', text: 'inline' }, depth },
    plannedStages: [stage],
    signal: new AbortController().signal,
    logger: silentLogger,
    stage,
    progress: () => {},
  };
}

export function clientFor(baseUrl: string): LlmClient {
  const config = resolveLlmConfig({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseUrl } });
  if (config === null) throw new Error('expected a config');
  return createLlmClient(config);
}

interface Message {
  role: string;
  content: string;
}

/** The messages of a recorded chat request. */
export function messagesOf(body: unknown): Message[] {
  return (body as { messages: Message[] }).messages;
}

const SOURCE_BLOCK = /<<<SOURCE ([A-Za-z0-9]+)>>>\n([\s\S]*?)\n<<<END SOURCE \1>>>/g;

/** The texts between SOURCE markers in a message. */
export function sourceBlocks(text: string): string[] {
  return [...text.matchAll(SOURCE_BLOCK)].map((match) => match[2] ?? '');
}

/** A message with every SOURCE block removed. */
export function outsideSourceBlocks(text: string): string {
  return text.replace(SOURCE_BLOCK, '');
}

import { z } from 'zod';

/** What the user asked orch to analyse. */
export const sourceRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('file'), path: z.string().min(1) }),
  z.object({ type: z.literal('url'), url: z.string().min(1) }),
  z.object({ type: z.literal('text'), text: z.string().min(1), title: z.string().optional() }),
]);

export type SourceRef = z.infer<typeof sourceRefSchema>;

/** A short human-readable name of a source: its path, URL or title. */
export function describeSource(source: SourceRef): string {
  switch (source.type) {
    case 'file':
      return source.path;
    case 'url':
      return source.url;
    case 'text':
      return source.title ?? 'inline text';
  }
}

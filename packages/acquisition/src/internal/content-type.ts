/** A parsed Content-Type header. */
export interface ContentType {
  mediaType: string;
  charset?: string;
}

export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined || header.trim().length === 0) {
    return { mediaType: 'application/octet-stream' };
  }
  const [type = '', ...parameters] = header.split(';');
  const result: ContentType = { mediaType: type.trim().toLowerCase() };
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset' && value !== undefined) {
      result.charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return result;
}

/** Whether `mediaType` is one of `patterns` (`type/subtype` or `type/*`). */
export function mediaTypeMatches(mediaType: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const lower = pattern.toLowerCase();
    return lower.endsWith('/*') ? mediaType.startsWith(lower.slice(0, -1)) : mediaType === lower;
  });
}

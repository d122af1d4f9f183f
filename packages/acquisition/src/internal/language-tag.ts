const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** A BCP 47-looking language tag (`en`, `en-GB`, `pt_BR`), or undefined when the value is not one. */
export function languageTag(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || !LANGUAGE_TAG_PATTERN.test(trimmed)) return undefined;
  return trimmed;
}

/** The user message of the repair round: what was wrong with the reply and what to send instead. */
export function repairMessage(kind: 'malformed' | 'invalid', problem: string): string {
  const intro =
    kind === 'malformed'
      ? `Your previous reply was not valid JSON (${problem}).`
      : `Your previous reply did not match the required JSON schema:\n${problem}`;
  return `${intro}\nReply again with only the corrected JSON object: no prose, no code fence, every required field present.`;
}

/** The system prompt of json_object mode: the instructions plus the schema the reply must follow. */
export function systemWithSchema(system: string, schemaText: string): string {
  return `${system}\n\nReply with a single JSON object (no prose, no code fence) that conforms to this JSON Schema:\n${schemaText}`;
}

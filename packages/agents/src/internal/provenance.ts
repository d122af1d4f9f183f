/** The provenance fields the stage adds; the model never writes them. */
export const PROVENANCE_FIELDS = { method: true, model: true, promptVersion: true } as const;

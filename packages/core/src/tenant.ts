import { z } from 'zod';

/** Who a run belongs to: budgets, memory namespaces and run history are scoped by it. */
export const tenantContextSchema = z.object({
  tenantId: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/),
  workspaceId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/)
    .optional(),
});

export type TenantContext = z.infer<typeof tenantContextSchema>;

/** The tenant of a single-user install (the CLI without flags). */
export const LOCAL_TENANT: TenantContext = Object.freeze({ tenantId: 'local' });

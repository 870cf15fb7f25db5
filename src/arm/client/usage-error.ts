/**
 * A call the client refuses before any request is sent: a malformed id, a name it cannot put in a URL, an
 * option out of range. Never retryable; fix the caller. Distinct from ArmError (what the service answered).
 */
export const USAGE_ERROR_CODES = {
  invalidResourceId: 'InvalidResourceId',
  wrongResourceType: 'WrongResourceType',
  invalidName: 'InvalidName',
  apiVersionUnknown: 'ApiVersionUnknown',
  invalidRoleDefinition: 'InvalidRoleDefinition',
  invalidNamespace: 'InvalidNamespace',
  invalidOption: 'InvalidOption',
  internalInvariant: 'InternalInvariant',
} as const;

export type ArmClientUsageErrorCode = (typeof USAGE_ERROR_CODES)[keyof typeof USAGE_ERROR_CODES];

export class ArmClientUsageError extends Error {
  constructor(
    readonly code: ArmClientUsageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArmClientUsageError';
  }
}

export function isArmClientUsageError(e: unknown): e is ArmClientUsageError {
  return e instanceof ArmClientUsageError;
}

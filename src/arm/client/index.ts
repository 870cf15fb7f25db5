/** The ARM client: interface, factory, errors, LRO handle shapes and helpers. */
export type { ArmClient } from './arm-client';
export { createArmClient, ARM_CLIENT_DEFAULTS, type ArmClientOptions, type ClosableArmClient } from './create-arm-client';
export { armClientOptionsFromSettings, createArmClientFromSettings, type ArmClientOverrides, type ArmClientSettings } from './from-settings';
export { ArmError, CLIENT_ERROR_CODES, isArmError, notFoundAsUndefined, type ArmErrorDetails } from './errors';
export { ArmClientUsageError, USAGE_ERROR_CODES, isArmClientUsageError, type ArmClientUsageErrorCode } from './usage-error';
export type { LroHandle, LroKind, LroPollResult, LroStatus, WaitOptions } from './lro-types';
export type { RequestInfo } from './retry-policy';
export type { Now, Sleep } from './clock';
export { roleAssignmentName, roleDefinitionName, roleDefinitionGuid, roleDefinitionResourceId, uuidV5 } from './role-names';
export { DEPENDENCY_TYPES } from './dependency-api-versions';
export type * from './types';

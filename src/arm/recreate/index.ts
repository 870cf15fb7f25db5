/** Pure helpers turning fetched resources into the PUT bodies that recreate them. */
export { computeRecreateBody, type ComputeRecreateOptions } from './compute';
export { onlineEndpointRecreateBody, onlineDeploymentRecreateBody, withTraffic, type OnlineEndpointRecreatePlan } from './online-endpoint';
export * from './read-only-fields';
export type { ComputeCreateBody, OnlineDeploymentCreateBody, OnlineEndpointCreateBody } from './types';

/** API versions the product speaks. Each is one constant, used by the client and the emulator alike. */
export const ML_API_VERSION = '2025-09-01';
export const AUTHORIZATION_API_VERSION = '2022-04-01';
export const RESOURCE_GRAPH_API_VERSION = '2022-10-01';
export const RESOURCES_API_VERSION = '2021-04-01';
export const LOCKS_API_VERSION = '2016-09-01';
export const PROVIDERS_API_VERSION = '2021-04-01';

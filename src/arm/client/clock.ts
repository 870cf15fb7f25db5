/**
 * Time as the client sees it. Injected so that tests never wait: a fake `sleep` records the delays (and may
 * advance a virtual clock), a fake `now` makes HTTP-date Retry-After and the write throttle deterministic.
 */
export type Sleep = (ms: number) => Promise<void>;
export type Now = () => number;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
export const realNow: Now = () => Date.now();

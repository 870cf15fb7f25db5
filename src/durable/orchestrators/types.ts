/** The shape every orchestrator and orchestration helper has: a generator yielding durable Tasks. */
import type { Task } from 'durable-functions';

export type Orchestration<T> = Generator<Task, T, unknown>;

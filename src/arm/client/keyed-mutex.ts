/**
 * Runs tasks one at a time per key. Used to serialize outbound-rule writes per workspace: the service reports
 * concurrent rule writes on one workspace as conflicts. (Per client instance; across instances the caller's
 * orchestration already serializes per workspace.)
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    // The chain must survive a failed task, so the stored tail never rejects.
    const tail = current.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

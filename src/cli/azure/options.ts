/** Options every command that talks to ARM shares: where ARM is, and which CA to trust (the emulator's). */
import type { OptionSpec } from '../args';

export const ARM_OPTIONS: readonly OptionSpec[] = [
  { name: 'endpoint', value: 'url', description: 'ARM endpoint; a local emulator (https://127.0.0.1:PORT) uses a fixed token, Azure needs none of this' },
  { name: 'ca', value: 'pem-file', description: 'CA certificate to trust for --endpoint (the emulator prints its path)' },
];

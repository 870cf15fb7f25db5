/** FQDN rules: host syntax, ports 80/443, no Azure Storage in approved mode, duplicates. Facts: "Outbound rules". */
import { FQDN_ALLOWED_PORTS, storageSuffixReached } from '../../catalog/outbound-rules';
import { isApproved, rulePath, type Check } from './check';
import { parseFqdn } from './fqdn-syntax';

export const checkFqdnRules: Check = (view, sink) => {
  const seen = new Map<string, number>();
  for (const { index, rule } of view.rules) {
    if (rule.type !== 'fqdn') continue;
    const at = rulePath(index);
    const pointAt = rulePath(index, 'destination');
    const parts = parseFqdn(rule.destination);
    if ('error' in parts) {
      sink.error(at, 'fqdn-destination-valid', `FQDN destination "${rule.destination}" is not a valid host name: ${parts.error}`, { pointAt });
      continue;
    }
    if (parts.port !== undefined && !FQDN_ALLOWED_PORTS.includes(parts.port)) {
      sink.error(at, 'fqdn-ports', `FQDN rules support ports ${FQDN_ALLOWED_PORTS.join(' and ')} only (got ${parts.port})`, { pointAt });
    }
    const suffix = storageSuffixReached(parts.host);
    if (suffix !== undefined && isApproved(view)) {
      sink.error(
        at,
        'fqdn-storage-in-approved-mode',
        `"${rule.destination}" reaches Azure Storage (*${suffix}): in allow_only_approved_outbound an FQDN rule cannot be used for storage accounts; add a private_endpoint rule to the storage account instead`,
        { pointAt },
      );
    }
    const key = parts.host; // the port is dropped from the model (80 and 443 are always both open)
    const first = seen.get(key);
    if (first !== undefined) {
      sink.warn(at, 'fqdn-duplicate-destination', `destination "${rule.destination}" is already allowed by managed_network.outbound_rules[${first}]`, { pointAt });
    } else {
      seen.set(key, index);
    }
  }
};

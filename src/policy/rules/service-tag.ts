/** Service-tag rules: tag name, protocol, port ranges, required duplicates, tenant-isolation advice. */
import { SERVICE_TAG_PROTOCOLS } from '../../catalog/outbound-rules';
import { REQUIRED_OUTBOUND_SERVICE_TAGS } from '../../catalog/required-rules';
import { rulePath, type Check } from './check';
import { portRangesProblem } from './port-ranges';

const SERVICE_TAG_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

/** A required tag such as `BatchNodeManagement.{region}` matches any region. */
function requiredTagMatching(tag: string): string | undefined {
  const wanted = tag.toLowerCase();
  return REQUIRED_OUTBOUND_SERVICE_TAGS.find((r) => {
    const t = r.toLowerCase();
    return t.endsWith('.{region}') ? wanted.startsWith(t.slice(0, -'{region}'.length)) : t === wanted;
  });
}

export const checkServiceTagRules: Check = (view, sink) => {
  for (const { index, rule } of view.rules) {
    if (rule.type !== 'service_tag') continue;
    const { service_tag: tag, protocol, port_ranges: ports } = rule.destination;
    const at = rulePath(index);
    if (!SERVICE_TAG_NAME.test(tag)) {
      sink.error(at, 'service-tag-name', `"${tag}" is not a service tag name (letters and digits, regional tags like Storage.westeurope)`, {
        pointAt: rulePath(index, 'destination', 'service_tag'),
      });
    }
    if (!SERVICE_TAG_PROTOCOLS.some((p) => p.toLowerCase() === protocol.toLowerCase())) {
      sink.error(at, 'service-tag-protocol', `protocol "${protocol}" is not supported: use one of ${SERVICE_TAG_PROTOCOLS.join(', ')}`, {
        pointAt: rulePath(index, 'destination', 'protocol'),
      });
    }
    const portProblem = portRangesProblem(ports);
    if (portProblem !== undefined) {
      sink.error(at, 'service-tag-port-ranges', `port_ranges "${ports}": ${portProblem}`, {
        pointAt: rulePath(index, 'destination', 'port_ranges'),
      });
    }
    const required = requiredTagMatching(tag);
    if (required !== undefined) {
      sink.warn(at, 'service-tag-required-duplicate', `the service already adds an outbound ${required} rule itself (category Required); this rule is redundant`);
    }
    sink.warn(
      at,
      'service-tag-tenant-isolation',
      `service tag ${tag} allows the whole service for every tenant: on its own it is not sufficient for tenant isolation; prefer a private endpoint where one exists`,
    );
  }
};

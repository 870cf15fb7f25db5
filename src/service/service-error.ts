/**
 * Failures the service layer reports to its callers. Transport-neutral: the HTTP layer maps `kind` to a status
 * code, the Event Grid and timer triggers log them. `detail` is written for the caller; never a stack trace.
 */
export interface FieldProblem {
  /** Where in the request, e.g. `workspaceId` or `policy.managed_network.outbound_rules[0]`. */
  path: string;
  message: string;
  /** Stable identifier of the rule that failed, e.g. `required` or `workspace-id`. */
  rule?: string;
}

export type ServiceErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'too-large' // 413
  | 'unsupported-media-type' // 415
  | 'upstream' // 502
  | 'unavailable'; // 503

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    /** Extra members for the problem document (e.g. the conflicting instance id). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ServiceError';
  }
}

export function invalid(problems: FieldProblem[], detail?: string): ServiceError {
  const summary = detail ?? `The request has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
  return new ServiceError('invalid', 'Invalid request', summary, problems);
}

/** ARM error responses: `{"error":{"code","message","target","details":[],"additionalInfo":[]}}`. */

export interface ArmErrorOptions {
  target?: string;
  details?: unknown[];
  headers?: Record<string, string>;
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: ArmErrorOptions = {},
  ) {
    super(message);
    this.name = 'ArmError';
  }

  body(defaultTarget: string): ArmErrorResponseBody {
    return armErrorBody(this.code, this.message, this.options.target ?? defaultTarget, this.options.details);
  }
}

export interface ArmErrorResponseBody {
  error: { code: string; message: string; target: string; details: unknown[]; additionalInfo: unknown[] };
}

export function armErrorBody(code: string, message: string, target: string, details: unknown[] = []): ArmErrorResponseBody {
  return { error: { code, message, target, details, additionalInfo: [] } };
}

export const badRequest = (code: string, message: string, target?: string): ArmError =>
  new ArmError(400, code, message, target === undefined ? {} : { target });

export const validationError = (message: string, target?: string): ArmError => badRequest('ValidationError', message, target);

export const notFound = (message: string, target?: string): ArmError =>
  new ArmError(404, 'ResourceNotFound', message, target === undefined ? {} : { target });

export const conflict = (code: string, message: string, target?: string): ArmError =>
  new ArmError(409, code, message, target === undefined ? {} : { target });

export function resourceNotFound(type: string, id: string): ArmError {
  return notFound(`The Resource '${type}' under resource id '${id}' was not found.`, id);
}

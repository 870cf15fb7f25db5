/**
 * Who is approving. With function keys (the default) the caller names the approver in the body and the
 * decision records that it came through a function key. With MNET_APPROVER_AUTH=entra a bearer token carrying
 * the approver app role is required, and the identity recorded comes from the token, not from the body.
 */
import { ServiceError } from '../service/service-error';
import { TokenRejected, verifyEntraToken, type EntraIdentity, type EntraTokenOptions } from './entra-auth';

export interface ApproverIdentity {
  /** Recorded as ApprovalDecision.approver. */
  approver: string;
  /** Recorded as ApprovalDecision.authenticatedAs, e.g. `function-key` or `entra:oid=...;appid=...`. */
  authenticatedAs: string;
  /** Every other identifier of the same principal (oid, upn, appid): a requester who is any of them cannot approve. */
  aliases?: string[];
}

export interface ApproverAuthenticator {
  readonly mode: 'function-key' | 'entra';
  /** @param claimedApprover the body's `approver` (required with function keys, informational with Entra). */
  authenticate(authorization: string | null, claimedApprover: string | undefined): Promise<ApproverIdentity>;
}

export function functionKeyApproverAuth(): ApproverAuthenticator {
  return {
    mode: 'function-key',
    async authenticate(_authorization, claimedApprover) {
      if (claimedApprover === undefined) {
        // The body check reports this first; kept as a guard for direct callers.
        throw new ServiceError('invalid', 'Invalid request', 'approver is required', [{ path: 'approver', message: 'is required', rule: 'required' }]);
      }
      return { approver: claimedApprover, authenticatedAs: 'function-key' };
    },
  };
}

export function describeEntraIdentity(identity: EntraIdentity): ApproverIdentity {
  const approver = identity.upn ?? (identity.appid !== undefined ? `app:${identity.appid}` : `oid:${identity.oid ?? 'unknown'}`);
  const parts = [
    identity.oid !== undefined ? `oid=${identity.oid}` : undefined,
    identity.upn !== undefined ? `upn=${identity.upn}` : undefined,
    identity.appid !== undefined ? `appid=${identity.appid}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const aliases = [identity.oid, identity.upn, identity.appid].filter((a): a is string => a !== undefined);
  return { approver, authenticatedAs: `entra:${parts.join(';')}`, aliases };
}

export function entraApproverAuth(options: EntraTokenOptions): ApproverAuthenticator {
  return {
    mode: 'entra',
    async authenticate(authorization) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (match === null || match[1] === undefined) {
        throw new ServiceError('unauthenticated', 'Authentication required', 'Approving or rejecting requires an Entra ID bearer token (Authorization: Bearer ...).');
      }
      try {
        return describeEntraIdentity(await verifyEntraToken(match[1], options));
      } catch (error) {
        if (error instanceof TokenRejected) {
          throw error.status === 403
            ? new ServiceError('forbidden', 'Not an approver', `The token is valid but ${error.message}.`)
            : new ServiceError('unauthenticated', 'Invalid token', `The bearer token was refused: ${error.message}.`);
        }
        throw error;
      }
    },
  };
}

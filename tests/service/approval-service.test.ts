/** The approval rules live in the service: Entra callers are authenticated before the body is even read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, type ApproverSource } from '../../src/service/approval-service';
import { serviceContext } from '../../src/service/app-services';
import { ServiceError } from '../../src/service/service-error';
import { invocation, makeServices } from '../functions/support/fakes';

const ID = 'mnet-onboard-00000000000000000000000000000000';

function setup() {
  const t = makeServices();
  const ctx = serviceContext(t.services, invocation().context);
  const calls: string[] = [];
  const readBody = async () => {
    calls.push('read-body');
    return { approver: 'carol@contoso.com' };
  };
  return { t, ctx, calls, readBody };
}

test('entra: an unauthenticated caller is refused before the body is read', async () => {
  const { ctx, calls, readBody } = setup();
  const auth: ApproverSource = {
    mode: 'entra',
    authenticate: async () => {
      calls.push('authenticate');
      throw new ServiceError('unauthenticated', 'Authentication required', 'no token');
    },
  };
  await assert.rejects(decide(ctx, ID, true, readBody, auth), (e: unknown) => e instanceof ServiceError && e.kind === 'unauthenticated');
  assert.deepEqual(calls, ['authenticate']);
});

test('entra: authenticated once, then the body; function-key: the body first, then its approver is authenticated', async () => {
  for (const mode of ['entra', 'function-key'] as const) {
    const { ctx, calls, readBody } = setup();
    const claims: (string | undefined)[] = [];
    const auth: ApproverSource = {
      mode,
      authenticate: async (claimed) => {
        calls.push('authenticate');
        claims.push(claimed);
        return { approver: 'erin@contoso.com', authenticatedAs: mode };
      },
    };
    // Unknown instance: 404 after authentication, which is all this test needs.
    await assert.rejects(decide(ctx, ID, true, readBody, auth), (e: unknown) => e instanceof ServiceError && e.kind === 'not-found');
    assert.deepEqual(calls, mode === 'entra' ? ['authenticate', 'read-body'] : ['read-body', 'authenticate'], mode);
    assert.deepEqual(claims, mode === 'entra' ? [undefined] : ['carol@contoso.com'], mode);
  }
});

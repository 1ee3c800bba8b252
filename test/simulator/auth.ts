// Who is calling. Every API route needs `x-api-key` (a known token) and `accountIdentifier`.
//   - unknown token → 401 ErrorDTO INVALID_TOKEN "Token is not valid." (NextGenAuthenticationFilter
//     throws INVALID_TOKEN; the message is its template; test/contract);
// Choices where the real API is not documented or the simulator keeps a documented difference
// (test/simulator/README.md):
//   - no token                              → 401 INVALID_TOKEN as well;
//   - missing accountIdentifier             → 400 FailureDTO (a required query parameter);
//   - accountIdentifier ≠ the token's account → 403 NG_ACCESS_DENIED (token valid, no access
//     to that account). Harness's filter turns this into 401 INVALID_TOKEN; the simulator keeps
//     403 so the sign-in flow's "no access to this account" path stays testable.
// `routingId` is accepted and recorded (Simulator.requests) but not enforced.
import type { IncomingHttpHeaders } from 'node:http';
import { errorDto, failureDto, SimHttpError } from './envelope';
import type { SimPrincipal, SimState } from './model';

export function authenticate(
  state: SimState,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  correlationId: string,
): SimPrincipal {
  const header = headers['x-api-key'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) {
    throw errorDto(
      401,
      'INVALID_TOKEN',
      'Authentication required: send an API token in the x-api-key header',
      correlationId,
    );
  }
  const principal = state.principals.find((p) => p.token === token);
  if (!principal) {
    throw errorDto(401, 'INVALID_TOKEN', 'Token is not valid.', correlationId);
  }
  const account = query.get('accountIdentifier');
  if (!account) {
    throw failureDto(
      'accountIdentifier: must not be null',
      [{ fieldId: 'accountIdentifier', error: 'must not be null' }],
      correlationId,
    );
  }
  if (account !== state.account.identifier) {
    throw errorDto(403, 'NG_ACCESS_DENIED', `Not authorized to access account ${account}`, correlationId);
  }
  return principal;
}

/**
 * The log service's AuthMiddleware (harness-core product/log-service/handler/middleware.go):
 * `accountID` in the query, then `x-api-key` validated for that account; its errors are 400
 * `{"error_msg": …}` (handler/helper.go), not ErrorDTOs.
 */
export function logServiceAuth(
  state: SimState,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): SimPrincipal {
  const account = query.get('accountID');
  if (!account) throw logServiceError(400, 'no account ID in query params');
  const header = headers['x-api-key'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) throw logServiceError(400, 'no token in header');
  const principal = state.principals.find((p) => p.token === token);
  if (!principal || account !== state.account.identifier)
    throw logServiceError(400, 'apikey in request not authorized for receiving tokens');
  return principal;
}

/** A log service error: `{"error_msg": "…"}` with its status. */
export function logServiceError(status: number, message: string): SimHttpError {
  return new SimHttpError(status, { error_msg: message });
}

// Who-am-I, token validation, the account, and organizations (`/ng/api`).
import {
  findOrg,
  intQuery,
  jsonBody,
  q,
  requireName,
  requireNgIdentifier,
  stringRecord,
  type RequestContext,
} from '../context';
import { errorDto, ngPage, ok, type Reply } from '../envelope';
import type { SimOrg } from '../model';
import type { Router } from '../router';

function currentUser(ctx: RequestContext): Reply {
  const p = ctx.principal;
  if (p.kind !== 'pat') {
    // Service-account tokens have no user identity (harness-api.md §1.3).
    throw errorDto(
      400,
      'INVALID_REQUEST',
      "Current user can be accessed only by 'USER' principal type",
      ctx.correlationId,
    );
  }
  const a = ctx.state.account;
  return ok(
    {
      uuid: p.id,
      name: p.name,
      email: p.email,
      token: null,
      defaultAccountId: a.identifier,
      intent: null,
      accounts: [
        {
          uuid: a.identifier,
          accountName: a.name,
          companyName: a.companyName,
          defaultExperience: 'NG',
          createdFromNG: true,
          nextGenEnabled: true,
        },
      ],
      admin: p.deniedProjects.length === 0,
      twoFactorAuthenticationEnabled: false,
      emailVerified: true,
      locked: false,
      disabled: false,
      signupAction: null,
      edition: null,
      billingFrequency: null,
      externallyManaged: false,
      givenName: p.name.split(' ')[0],
      familyName: p.name.split(' ').slice(1).join(' '),
      createdAt: a.createdAt,
      lastUpdatedAt: a.createdAt,
    },
    ctx.correlationId,
  );
}

/** Body = the raw token (text/plain); an empty body validates the calling token. */
function validateToken(ctx: RequestContext): Reply {
  const raw = ctx.body.trim() || ctx.principal.token;
  const p = ctx.state.principals.find((x) => x.token === raw);
  if (!p) throw errorDto(401, 'INVALID_TOKEN', 'Token is not valid.', ctx.correlationId);
  return ok(
    {
      identifier: p.tokenIdentifier,
      name: `${p.apiKeyIdentifier}_token`,
      accountIdentifier: ctx.state.account.identifier,
      apiKeyIdentifier: p.apiKeyIdentifier,
      parentIdentifier: p.id,
      apiKeyType: p.kind === 'pat' ? 'USER' : 'SERVICE_ACCOUNT',
      validFrom: ctx.state.account.createdAt,
      validTo: ctx.state.account.createdAt + 3650 * 86_400_000,
      scheduledExpireTime: 0,
      valid: true,
      expired: false,
      email: p.email ?? null,
      username: p.kind === 'pat' ? p.name : null,
    },
    ctx.correlationId,
  );
}

function getAccount(ctx: RequestContext): Reply {
  const a = ctx.state.account;
  if (ctx.params.account !== a.identifier) {
    throw errorDto(
      403,
      'NG_ACCESS_DENIED',
      `Not authorized to access account ${ctx.params.account}`,
      ctx.correlationId,
    );
  }
  return ok(
    {
      identifier: a.identifier,
      name: a.name,
      companyName: a.companyName,
      cluster: a.cluster,
      defaultExperience: 'NG',
      authenticationMechanism: 'USER_PASSWORD',
      serviceAccountConfig: null,
      isNextGenEnabled: true,
      isProductLed: false,
      isTwoFactorAdminEnforced: false,
      ringName: 'ring1',
      createdAt: a.createdAt,
      accountType: a.accountType,
    },
    ctx.correlationId,
  );
}

export function orgResponse(o: SimOrg): Record<string, unknown> {
  return {
    organization: { identifier: o.identifier, name: o.name, description: o.description, tags: o.tags },
    createdAt: o.createdAt,
    lastModifiedAt: o.lastModifiedAt,
    harnessManaged: o.harnessManaged,
  };
}

function matches(term: string | undefined, ...fields: string[]): boolean {
  if (!term) return true;
  const t = term.toLowerCase();
  return fields.some((f) => f.toLowerCase().includes(t));
}

function listOrgs(ctx: RequestContext): Reply {
  const term = q(ctx, 'searchTerm');
  const ids = ctx.query.getAll('identifiers');
  const list = ctx.state.orgs
    .filter((o) => matches(term, o.identifier, o.name) && (ids.length === 0 || ids.includes(o.identifier)))
    // `default` first, then by name, as the UI shows them.
    .sort(
      (a, b) =>
        Number(b.identifier === 'default') - Number(a.identifier === 'default') ||
        a.name.localeCompare(b.name),
    );
  const pageIndex = intQuery(ctx, 'pageIndex', 0);
  const pageSize = intQuery(ctx, 'pageSize', 50, 1);
  return ok(ngPage(list.map(orgResponse), pageIndex, pageSize), ctx.correlationId);
}

function createOrg(ctx: RequestContext): Reply {
  const body = jsonBody(ctx, { rejectNulls: true });
  const org = body.organization;
  if (typeof org !== 'object' || org === null || Array.isArray(org)) {
    throw errorDto(
      400,
      'INVALID_REQUEST',
      'organization must be provided in the request body',
      ctx.correlationId,
    );
  }
  const o = org as Record<string, unknown>;
  const identifier = requireNgIdentifier(ctx, 'identifier', o.identifier);
  const name = requireName(ctx, 'name', o.name);
  if (ctx.state.orgs.some((x) => x.identifier === identifier)) {
    throw errorDto(
      400,
      'DUPLICATE_FIELD',
      `An organization with identifier [${identifier}] is already present`,
      ctx.correlationId,
    );
  }
  const created: SimOrg = {
    identifier,
    name,
    description: typeof o.description === 'string' ? o.description : '',
    tags: stringRecord(o.tags),
    createdAt: ctx.now,
    lastModifiedAt: ctx.now,
    harnessManaged: false,
  };
  ctx.state.orgs.push(created);
  return ok(orgResponse(created), ctx.correlationId);
}

export function registerAccountRoutes(router: Router): void {
  router
    .add('GET', '/ng/api/user/currentUser', currentUser)
    .add('POST', '/ng/api/token/validate', validateToken)
    .add('GET', '/ng/api/accounts/:account', getAccount)
    .add('GET', '/ng/api/organizations', listOrgs)
    .add('POST', '/ng/api/organizations', createOrg)
    .add('GET', '/ng/api/organizations/:org', (ctx) =>
      ok(orgResponse(findOrg(ctx, ctx.params.org)), ctx.correlationId),
    );
}

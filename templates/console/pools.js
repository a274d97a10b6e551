import { cognito, cognitoAll } from './api.js';
import { facts, h, link, route, table, time } from './dom.js';

// Pools with their clients, domain, groups and triggers (issue [I] §3), read through the Cognito API.

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** ListUserPools answers the caller's region only: the form picks another one (empty: the emulator's own). */
export async function poolsView({ query }) {
  const region = query.region || undefined;
  if (region && !REGION.test(region)) throw new Error(`“${region}” is not a region name (such as eu-west-1).`);
  const pools = [];
  let token;
  do {
    const answer = await cognito('ListUserPools', { MaxResults: 60, ...(token ? { NextToken: token } : {}) }, region);
    pools.push(...(answer.UserPools ?? []));
    token = answer.NextToken;
  } while (token);
  const input = h('input', { name: 'region', id: 'region', value: region ?? '', placeholder: 'the emulator’s', pattern: REGION.source.slice(1, -1), size: 14 });
  const form = h('form', { class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    location.hash = input.value.trim() ? `#/pools?region=${encodeURIComponent(input.value.trim())}` : '#/pools';
  } }, h('label', { for: 'region' }, 'Region '), input, h('button', {}, 'Show'));
  return h('section', {},
    h('h1', {}, 'User pools'),
    form,
    table(['Name', 'Id', 'Created', 'Modified'], pools.map((p) => [
      link(route('pools', p.Id), p.Name), h('code', {}, p.Id), time(p.CreationDate), time(p.LastModifiedDate),
    ]), 'No user pools in this region.'));
}

export async function poolView({ params: [poolId] }) {
  const [{ UserPool: pool }, clients, groups] = await Promise.all([
    cognito('DescribeUserPool', { UserPoolId: poolId }),
    cognitoAll('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 }, 'UserPoolClients'),
    cognitoAll('ListGroups', { UserPoolId: poolId, Limit: 60 }, 'Groups'),
  ]);
  const details = await Promise.all(clients.map((c) =>
    cognito('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: c.ClientId }).then((a) => a.UserPoolClient)));
  const domains = await Promise.all([pool.Domain, pool.CustomDomain].filter(Boolean).map((domain) =>
    cognito('DescribeUserPoolDomain', { Domain: domain }).then((a) => a.DomainDescription)));
  const triggers = Object.entries(pool.LambdaConfig ?? {}).filter(([, arn]) => typeof arn === 'string');
  return h('section', {},
    h('h1', {}, pool.Name),
    facts([
      ['Id', h('code', {}, pool.Id)],
      ['ARN', h('code', {}, pool.Arn)],
      ['Users', h('span', {}, `${pool.EstimatedNumberOfUsers ?? 0} `, link(route('users', pool.Id), 'list and search'))],
      ['Sign-in with', pool.UsernameAttributes?.length ? pool.UsernameAttributes.join(', ') : ['username', ...(pool.AliasAttributes ?? [])].join(', ')],
      ['Verified by code', pool.AutoVerifiedAttributes?.join(', ')],
      ['MFA', pool.MfaConfiguration],
      ['Created', time(pool.CreationDate)],
      ['Keys', h('span', {}, link(`/${encodeURIComponent(pool.Id)}/.well-known/jwks.json`, 'JWKS'), ' · ',
        link(`/${encodeURIComponent(pool.Id)}/.well-known/openid-configuration`, 'OpenID configuration'))],
    ]),
    h('h2', {}, 'App clients'),
    table(['Name', 'Client id', 'Secret', 'Auth flows', 'OAuth', 'Callback URLs'], details.map((c) => [
      c.ClientName, h('code', {}, c.ClientId), c.ClientSecret ? 'yes' : 'no', (c.ExplicitAuthFlows ?? []).join(' '),
      c.AllowedOAuthFlowsUserPoolClient ? `${(c.AllowedOAuthFlows ?? []).join(' ')} · ${(c.AllowedOAuthScopes ?? []).join(' ')}` : '—',
      (c.CallbackURLs ?? []).join(' '),
    ]), 'No app clients.'),
    h('h2', {}, 'Domain'),
    table(['Domain', 'Status', 'Kind'], domains.filter((d) => d?.Domain).map((d) => [
      h('code', {}, d.Domain), d.Status ?? '', d.Domain === pool.CustomDomain ? 'custom' : 'prefix',
    ]), 'No domain.'),
    h('h2', {}, 'Groups'),
    table(['Name', 'Precedence', 'Role', 'Description'], groups.map((g) => [
      g.GroupName, g.Precedence ?? '', g.RoleArn ? h('code', {}, g.RoleArn) : '', g.Description ?? '',
    ]), 'No groups.'),
    h('h2', {}, 'Triggers'),
    table(['Trigger', 'Function'], triggers.map(([name, arn]) => [name, h('code', {}, arn)]), 'No triggers.'));
}

// The request shapes of the identity-pools API with their constraints, as the service model states them
// (botocore data/cognito-identity/2014-06-30/service-2.json, the same model the SDK is generated from; the SDK's
// types drop lengths, patterns and required-ness, so they are restated here). ./validate.ts checks a request
// against them the way AWS's front end does, before an operation sees it.

export type Shape =
  | { type: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'map'; key: Shape; value: Shape; max?: number }
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] };

const string = (min: number, max: number, pattern?: string): Shape => ({ type: 'string', min, max, ...(pattern ? { pattern } : {}) });
const boolean: Shape = { type: 'boolean' };
const oneOf = (values: readonly string[]): Shape => ({ type: 'string', enum: values });
const structure = (members: Record<string, Shape>, required: readonly string[] = []): Shape => ({ type: 'structure', members, required });

const IdentityPoolId = string(1, 55, '[\\w-]+:[0-9a-f-]+');
const IdentityId = string(1, 55, '[\\w-]+:[0-9a-f-]+');
const ARNString = string(20, 2048);
const QueryLimit: Shape = { type: 'integer', min: 1, max: 60 };
const PaginationKey = string(1, 65535, '[\\S]+');
const LoginsMap: Shape = { type: 'map', key: string(1, 128), value: string(1, 50000), max: 10 };

const CognitoIdentityProvider = structure({
  ProviderName: string(1, 128, '[\\w._:/-]+'),
  ClientId: string(1, 128, '[\\w_]+'),
  ServerSideTokenCheck: boolean,
});

const poolSettings = {
  IdentityPoolName: string(1, 128, '[\\w\\s+=,.@-]+'),
  AllowUnauthenticatedIdentities: boolean,
  AllowClassicFlow: boolean,
  SupportedLoginProviders: { type: 'map', key: string(1, 128), value: string(1, 128, '[\\w.;_/-]+'), max: 10 } as Shape,
  DeveloperProviderName: string(1, 128, '[\\w._-]+'),
  OpenIdConnectProviderARNs: { type: 'list', member: ARNString } as Shape,
  CognitoIdentityProviders: { type: 'list', member: CognitoIdentityProvider } as Shape,
  SamlProviderARNs: { type: 'list', member: ARNString } as Shape,
  IdentityPoolTags: { type: 'map', key: string(1, 128), value: string(0, 256) } as Shape,
};

const AMBIGUOUS_ROLE_RESOLUTIONS = ['AuthenticatedRole', 'Deny'] as const;
const MATCH_TYPES = ['Equals', 'Contains', 'StartsWith', 'NotEqual'] as const;

const MappingRule = structure(
  {
    Claim: { type: 'string', min: 1, max: 64, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
    MatchType: oneOf(MATCH_TYPES),
    Value: string(1, 128),
    RoleARN: ARNString,
  },
  ['Claim', 'MatchType', 'Value', 'RoleARN'],
);

const RoleMapping = structure(
  {
    Type: oneOf(['Token', 'Rules']),
    AmbiguousRoleResolution: oneOf(AMBIGUOUS_ROLE_RESOLUTIONS),
    RulesConfiguration: structure({ Rules: { type: 'list', member: MappingRule, min: 1, max: 400 } }, ['Rules']),
  },
  ['Type'],
);

/** Each operation's input shape (`<Operation>Input` in the model; UpdateIdentityPool takes an `IdentityPool`). */
export const REQUESTS: Record<string, Shape> = {
  CreateIdentityPool: structure(poolSettings, ['IdentityPoolName', 'AllowUnauthenticatedIdentities']),
  UpdateIdentityPool: structure({ IdentityPoolId, ...poolSettings }, ['IdentityPoolId', 'IdentityPoolName', 'AllowUnauthenticatedIdentities']),
  DescribeIdentityPool: structure({ IdentityPoolId }, ['IdentityPoolId']),
  DeleteIdentityPool: structure({ IdentityPoolId }, ['IdentityPoolId']),
  ListIdentityPools: structure({ MaxResults: QueryLimit, NextToken: PaginationKey }, ['MaxResults']),
  GetId: structure({ AccountId: string(1, 15, '\\d+'), IdentityPoolId, Logins: LoginsMap }, ['IdentityPoolId']),
  GetCredentialsForIdentity: structure({ IdentityId, Logins: LoginsMap, CustomRoleArn: ARNString }, ['IdentityId']),
  GetOpenIdToken: structure({ IdentityId, Logins: LoginsMap }, ['IdentityId']),
  SetIdentityPoolRoles: structure(
    {
      IdentityPoolId,
      Roles: { type: 'map', key: string(1, 128, '(un)?authenticated'), value: ARNString, max: 2 },
      RoleMappings: { type: 'map', key: string(1, 128), value: RoleMapping, max: 10 },
    },
    ['IdentityPoolId', 'Roles'],
  ),
  GetIdentityPoolRoles: structure({ IdentityPoolId }, ['IdentityPoolId']),
  DescribeIdentity: structure({ IdentityId }, ['IdentityId']),
  ListIdentities: structure({ IdentityPoolId, MaxResults: QueryLimit, NextToken: PaginationKey, HideDisabled: boolean }, ['IdentityPoolId', 'MaxResults']),
  DeleteIdentities: structure({ IdentityIdsToDelete: { type: 'list', member: IdentityId, min: 1, max: 60 } }, ['IdentityIdsToDelete']),
};

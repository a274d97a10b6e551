import type { StackRecord } from '../../iac/stacks/stackRecord.js';
import { functionName } from '../../lambda/functions.js';
import { authorizeIam } from '../auth/iamAuthorize.js';
import type { ApiGateway, GatewayDeps, GatewayRequest, GatewayResponse, RouteListing } from '../routes.js';
import { deny, type Authorization } from './authorization.js';
import { headerValue } from './binary.js';
import { restCall, type RestCall } from './call.js';
import { cognitoAuthorize } from './cognitoAuthorizer.js';
import { gatewayResponse, iamResponse, responses } from './gatewayResponses.js';
import { integrate } from './integration.js';
import { lambdaAuthorizers } from './lambdaAuthorizer.js';
import { matchRoute } from './match.js';
import { restApis, type RestMethod } from './model.js';
import { requestIds } from './request.js';

// The REST APIs (API Gateway v1) of the stacks, served locally: route, authorize, integrate, as API Gateway does.
// Built anew from the stacks after every reconcile; an unknown API, stage, path or method is AWS's 403
// "Missing Authentication Token".

export function createRestGateway(stacks: StackRecord[], deps: GatewayDeps): ApiGateway {
  const apis = restApis(stacks);
  const lambdas = lambdaAuthorizers(deps);

  async function authorize(method: RestMethod, call: RestCall): Promise<Authorization> {
    switch (method.authorizationType) {
      case 'NONE':
        return { allowed: true };
      case 'AWS_IAM': {
        const outcome = await authorizeIam(call.request, deps);
        if ('caller' in outcome) return { allowed: true, caller: outcome.caller };
        return deny('unsigned' in outcome ? responses.missingToken : iamResponse(outcome.refusal));
      }
      case 'COGNITO_USER_POOLS':
      case 'CUSTOM': {
        const { authorizer } = method;
        if (!authorizer) {
          deps.log.error(`REST API ${call.api.id}: ${call.match.resource.path} names an authorizer that does not exist`);
          return deny(responses.authorizerFailure);
        }
        return authorizer.type === 'COGNITO_USER_POOLS'
          ? cognitoAuthorize(deps, authorizer, method, call)
          : lambdas.authorize(authorizer, call);
      }
      default:
        return deny(responses.missingToken);
    }
  }

  return {
    has: (apiId) => apis.has(apiId),

    async handle(request: GatewayRequest): Promise<GatewayResponse> {
      const api = apis.get(request.apiId);
      const match = api?.stages.has(request.stage) ? matchRoute(api, request.method, request.path) : undefined;
      if (!api || !match) return gatewayResponse(responses.missingToken, requestIds().requestId);
      const call = restCall(deps, api, request, match);
      const authorization = await authorize(match.method, call);
      if (!authorization.allowed) return gatewayResponse(authorization.response, call.requestId);
      // API keys and usage plans are not emulated: a method that requires a key wants one, whatever its value.
      if (match.method.apiKeyRequired && !headerValue(request.headers, 'x-api-key')) {
        return gatewayResponse(responses.forbidden, call.requestId);
      }
      return integrate(deps, match.method.integration, call, authorization);
    },

    routes(baseUrl: string): RouteListing[] {
      const listings: RouteListing[] = [];
      for (const api of apis.values()) {
        for (const stage of api.stages.keys()) {
          for (const resource of api.resources) {
            for (const method of resource.methods.values()) {
              const { authorizer, integration } = method;
              listings.push({
                apiId: api.id,
                apiType: 'REST',
                stage,
                method: method.httpMethod,
                path: resource.path,
                url: `${baseUrl}/restapis/${api.id}/${stage}/_user_request_${resource.path}`,
                authorizer: method.authorizationType === 'NONE'
                  ? null
                  : { type: authorizer?.type ?? method.authorizationType, name: authorizer?.name ?? '', scopes: method.scopes },
                function: integration.type === 'AWS_PROXY' ? functionName(integration.functionArn) : null,
              });
            }
          }
        }
      }
      return listings;
    },
  };
}

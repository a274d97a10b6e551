import type { ListFunctionsResponse } from '@aws-sdk/client-lambda';
import { functionConfiguration } from './configuration.js';
import type { LambdaOperation } from './call.js';
import { validationError } from './errors.js';

// `GET /2015-03-31/functions/?Marker=&MaxItems=`: every function, by name, 50 a page by default (ListFunctions
// reference: MaxItems 1-10000). The marker is the last name of the previous page; Lambda's is opaque too.

export const ListFunctions: LambdaOperation = async (call) => {
  const raw = call.query.MaxItems;
  const maxItems = raw === undefined ? 50 : Number(raw);
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10_000) {
    throw validationError(raw, 'maxItems', maxItems < 1 ? 'Member must have value greater than or equal to 1' : 'Member must have value less than or equal to 10000');
  }
  const marker = call.query.Marker;
  const all = call.deployed.list().filter((fn) => marker === undefined || fn.definition.name > marker);
  const page = all.slice(0, maxItems);
  const body: ListFunctionsResponse = {
    Functions: page.map(functionConfiguration),
    ...(all.length > maxItems ? { NextMarker: page.at(-1)!.definition.name } : {}),
  };
  return { status: 200, body };
};

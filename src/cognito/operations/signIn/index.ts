// Operations of this area, one file each, named after the operation.
export { AdminInitiateAuth } from './adminInitiateAuth.js';
export { AdminRespondToAuthChallenge } from './adminRespondToAuthChallenge.js';
export { GetTokensFromRefreshToken } from './getTokensFromRefreshToken.js';
export { InitiateAuth } from './initiateAuth.js';
export { RespondToAuthChallenge } from './respondToAuthChallenge.js';

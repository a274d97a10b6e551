// Threat-protection (advanced security) settings of pools and app clients, one file each, named after the operation.
export { DescribeRiskConfiguration } from './describeRiskConfiguration.js';
export { SetRiskConfiguration } from './setRiskConfiguration.js';

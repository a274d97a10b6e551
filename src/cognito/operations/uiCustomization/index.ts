// Classic hosted-UI branding of pools and app clients, one file each, named after the operation.
export { GetUICustomization } from './getUICustomization.js';
export { SetUICustomization } from './setUICustomization.js';

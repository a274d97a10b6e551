// PreSignUp trigger: users of the test.example domain are confirmed (and their email verified) at sign-up, so
// scripts can sign them in at once; everyone else confirms with the code cogniform logs (`cogniform codes`).
export const handler = async (event) => {
  if (event.request.userAttributes.email?.endsWith('@test.example')) {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  return event;
};

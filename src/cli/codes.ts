/** `cogniform codes`: the codes and temporary passwords a running emulator "sent", newest first. */
export async function codes(endpoint: string, filter: { pool?: string; user?: string; json?: boolean }): Promise<number> {
  const url = new URL('/_cogniform/codes', endpoint);
  if (filter.pool) url.searchParams.set('userPoolId', filter.pool);
  if (filter.user) url.searchParams.set('username', filter.user);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    console.error(`cogniform: no emulator answers at ${endpoint} (${(error as Error).message}); start one, or pass --endpoint.`);
    return 1;
  }
  if (!response.ok) {
    console.error(`cogniform: ${url} answered ${response.status}: ${await response.text()}`);
    return 1;
  }
  const { codes: sent } = (await response.json()) as { codes: SentCode[] };
  if (filter.json) console.log(JSON.stringify(sent, null, 2));
  else if (!sent.length) console.log('no codes sent yet');
  else for (const c of sent) console.log(`${c.createdAt}  ${c.kind.padEnd(18)} ${c.code}  ${c.username} in ${c.userPoolId} (to ${c.destination ?? '-'})`);
  return 0;
}

interface SentCode {
  userPoolId: string;
  username: string;
  code: string;
  kind: string;
  destination?: string;
  createdAt: string;
}

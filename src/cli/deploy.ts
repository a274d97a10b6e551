import path from 'node:path';

// `cogniform deploy TEMPLATE`: one reconcile of a template against a running emulator (DESIGN.md §3 "one-shot").
// The emulator reads the file itself, so it must run where that path exists (this machine).

export async function deploy(
  endpoint: string,
  file: string,
  given: { stage?: string | undefined; parameters: Record<string, string> },
): Promise<number> {
  const url = new URL('/_cogniform/deploy', endpoint);
  const body = { path: path.resolve(file), ...(given.stage ? { stage: given.stage } : {}), parameters: given.parameters };
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    console.error(`cogniform: no emulator answers at ${endpoint} (${(error as Error).message}); start one, or pass --endpoint.`);
    return 1;
  }
  const answer = (await response.json().catch(() => ({}))) as { summary?: string; message?: string };
  if (!response.ok) {
    console.error(answer.message ?? `cogniform: ${url} answered ${response.status}`);
    return 1;
  }
  console.log(answer.summary);
  return 0;
}

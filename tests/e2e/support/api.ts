// Calls the browser host's API from a test, as the page does: token from the page, then POST /api/<method>.
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';

export async function pageToken(baseUrl: string): Promise<string> {
  const html = await (await fetch(baseUrl)).text();
  const token = /name="debate-desk-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('No token in the page');
  return token;
}

export async function callApi<M extends MethodName>(
  baseUrl: string,
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  const response = await fetch(new URL(`api/${method}`, baseUrl), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Debate-Desk-Token': await pageToken(baseUrl),
    },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<MethodOutput<M>>;
}

export async function callApiOk<M extends MethodName>(
  baseUrl: string,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await callApi(baseUrl, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

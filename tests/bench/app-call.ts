// The benchmarks' way to call the core: as a host does (dispatch), failing the benchmark on any error envelope.
import type { DebateDeskApp } from '../../src-main/core/app';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/shared/contract';

export async function call<M extends MethodName>(
  app: DebateDeskApp,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

// Shared by the benchmarks: one measurement's samples and summary, and the Markdown table they print.

export type Unit = 'ms' | 'µs';

export interface Measurement {
  /** Stable key for the JSON results, e.g. 'core.first-run'. */
  id: string;
  /** What was timed, in words, for the table. */
  label: string;
  unit: Unit;
  /** Number of timed samples (warm-up iterations not included). */
  n: number;
  /** Iterations run before the timed ones and thrown away. */
  warmup: number;
  median: number;
  /** Nearest-rank 95th percentile: for N < 20 this is the maximum. */
  p95: number;
  min: number;
  max: number;
  /** The first timed sample (the coldest one when warmup is 0). */
  first: number;
  samples: number[];
  notes?: string;
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

export function summarize(
  fields: { id: string; label: string; unit: Unit; warmup?: number; notes?: string },
  samples: readonly number[],
): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median =
    n % 2 === 1 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return {
    id: fields.id,
    label: fields.label,
    unit: fields.unit,
    n,
    warmup: fields.warmup ?? 0,
    median,
    p95: percentile(sorted, 95),
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    first: samples[0] as number,
    samples: [...samples],
    ...(fields.notes ? { notes: fields.notes } : {}),
  };
}

/** Times `run` `warmup + n` times, keeping the last n durations (in the given unit). */
export async function sample(
  n: number,
  warmup: number,
  unit: Unit,
  run: (iteration: number) => unknown,
): Promise<number[]> {
  const scale = unit === 'µs' ? 1000 : 1;
  const samples: number[] = [];
  for (let iteration = 0; iteration < warmup + n; iteration += 1) {
    const start = performance.now();
    await run(iteration);
    const elapsed = (performance.now() - start) * scale;
    if (iteration >= warmup) samples.push(elapsed);
  }
  return samples;
}

function formatValue(value: number, unit: Unit): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function markdownTable(measurements: readonly Measurement[]): string {
  const rows = [
    '| Benchmark | N | median | p95 | min | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...measurements.map((m) =>
      [
        '',
        ` ${m.label} `,
        ` ${m.n} `,
        ` ${formatValue(m.median, m.unit)} `,
        ` ${formatValue(m.p95, m.unit)} `,
        ` ${formatValue(m.min, m.unit)} `,
        ` ${formatValue(m.max, m.unit)} `,
        '',
      ].join('|'),
    ),
  ];
  return rows.join('\n');
}

/** Fails the benchmark on a functional error (never on timing). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Benchmark check failed: ${message}`);
}

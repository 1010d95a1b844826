// `npm run bench`: runs every benchmark in turn, prints a Markdown table and writes tests/bench/results/latest.json.
// Benchmarks report figures and never fail on timing; they fail only when something does not work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBackupBench } from './backup.bench';
import { runBoardBench } from './board-open.bench';
import { runBoardScaleBench } from './board-scale.bench';
import { projectRoot, runCoreBench } from './core-open.bench';
import { runLibraryBench } from './library.bench';
import { runResultsBench } from './results.bench';
import { runSheetExportBench } from './sheet-export.bench';
import { markdownTable, type Measurement } from './stats';
import { runWorkImportBench } from './work-import.bench';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function chromiumVersion(): string {
  try {
    // Debian's wrapper script prints a harmless warning on stderr: keep only stdout.
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

// `npm run bench -- --only=board-scale` (or core, library, board, results, sheet-export, work-import, backup) runs one group; the default
// runs them all.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const wanted = (group: string) => !only || only.split(',').includes(group);

const started = performance.now();
const measurements: Measurement[] = [];
const extraNotes: string[] = [];
let browserVersion = 'not run';

if (wanted('core')) {
  console.error('[bench] core (plain Node)…');
  measurements.push(...(await runCoreBench()));
}
if (wanted('library')) {
  console.error('[bench] library: search and bulk import…');
  measurements.push(...(await runLibraryBench()));
}
if (wanted('board')) {
  console.error('[bench] board in Chromium…');
  const board = await runBoardBench();
  measurements.push(...board.measurements);
  browserVersion = board.browserVersion;
}
if (wanted('board-scale')) {
  console.error('[bench] 1,000-card board in Chromium…');
  const scale = await runBoardScaleBench();
  measurements.push(...scale.measurements);
  extraNotes.push(...scale.notes);
  browserVersion = scale.browserVersion;
}

if (wanted('results')) {
  console.error('[bench] class results, 30 students × 100 cards, in Chromium…');
  const results = await runResultsBench();
  measurements.push(...results.measurements);
  extraNotes.push(...results.notes);
  browserVersion = results.browserVersion;
}

if (wanted('sheet-export')) {
  console.error('[bench] argument sheet export: PDF and .docx…');
  const sheet = await runSheetExportBench();
  measurements.push(...sheet.measurements);
  extraNotes.push(...sheet.notes);
}
if (wanted('work-import')) {
  console.error('[bench] importing 30 work files…');
  const work = await runWorkImportBench();
  measurements.push(...work.measurements);
  extraNotes.push(...work.notes);
}
if (wanted('backup')) {
  console.error('[bench] backups and the start check, starter + 30 boards…');
  const backup = await runBackupBench();
  measurements.push(...backup.measurements);
  extraNotes.push(...backup.notes);
}

const totalSeconds = (performance.now() - started) / 1000;
const cpuList = cpus();
const machine = {
  cpus: cpuList.length,
  cpuModel: cpuList[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: `${process.platform} ${release()}`,
  node: process.version,
  chromium: chromiumVersion(),
  chromiumViaPlaywright: browserVersion,
};

const results = {
  date: new Date().toISOString(),
  machine,
  totalSeconds: Number(totalSeconds.toFixed(1)),
  measurements,
};
const resultsDir = join(projectRoot, 'tests', 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, only ? `latest-${only.replaceAll(',', '-')}.json` : 'latest.json');
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

console.log(`## Debate Desk benchmarks, ${results.date.slice(0, 10)}\n`);
console.log(
  `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ${machine.platform}; ` +
    `Node ${machine.node}; ${machine.chromium} (Playwright reports ${machine.chromiumViaPlaywright}).\n`,
);
console.log(markdownTable(measurements));
console.log('\nNotes:\n');
for (const m of measurements) {
  if (m.notes) console.log(`- ${m.label.replaceAll('**', '')}: ${m.notes}`);
}
for (const note of extraNotes) console.log(`- ${note}`);
console.log(
  `\np95 is nearest-rank (for N < 20 it is the maximum). Total bench time ${totalSeconds.toFixed(1)} s. ` +
    `JSON: ${resultsFile}`,
);

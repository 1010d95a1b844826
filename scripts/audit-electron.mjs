// `npm run audit:electron`: Doyensec's electronegativity over the Electron shell's sources and the page it loads.
// Fails (exit 1) on any finding of medium severity or higher that scripts/electronegativity-accepted.json does not
// list with its reason, on an accepted finding that is no longer reported (stale reasons hide new ones), and on a
// file the scanner could not parse (an unparsed file is an unchecked file, not a clean one).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const acceptedFile = join(projectRoot, 'scripts', 'electronegativity-accepted.json');
const workDir = join(projectRoot, 'out', 'electronegativity');
const scanDir = join(workDir, 'scanned');
const reportFile = join(workDir, 'findings.csv');

/**
 * What is scanned: the shell (TypeScript: the scanner parses it directly) and the HTML page the window loads.
 * They are copied into one folder and scanned as one app: the scanner's global checks (navigation limits,
 * permission handler) look for the handlers across everything it was given, so scanning the page alone would
 * report the shell's handlers missing.
 */
const INPUTS = ['src-main/electron', 'src-renderer/index.html'];
const MEDIUM = 2;
/**
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK asks the network which Electron releases exist: offline it silently finds
 * nothing, online its answer changes from day to day. CI must give the same answer for the same commit, so the
 * Electron version is reviewed by hand instead (docs/SECURITY.md, "Current Electron").
 */
// (The scanner matches excluded checks by their class name in lower case.)
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];

const run = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
).version;
const accepted = JSON.parse(readFileSync(acceptedFile, 'utf8')).accepted;

// The scanner fetches fresh translations first; offline it prints "Could not retrieve updated translations for the
// current locale" and uses its bundled English. English keeps the report the same on every machine.
process.env.LANG = 'en-US';
console.log('electronegativity: scanning offline is expected ("Could not retrieve updated translations" is harmless).');

rmSync(scanDir, { recursive: true, force: true });
for (const input of INPUTS) cpSync(join(projectRoot, input), join(scanDir, input), { recursive: true });

const findings = [];
let parseErrors = 0;
const result = await run({
  input: scanDir,
  severitySet: 'informational',
  confidenceSet: 'tentative',
  isRelative: false,
  electronVersionOverride: electronVersion,
  excludeFromScan: EXCLUDED_CHECKS,
  customScan: [],
  parserPlugins: [],
});
const projectPath = (file) => (file ? relative(scanDir, file).split('\\').join('/') : 'N/A');
for (const error of result.errors) {
  // "Tolerable" errors are parser warnings on a file that was still scanned.
  if (error.tolerable) {
    console.warn(`Warning while scanning ${projectPath(error.file)}: ${error.message}`);
  } else {
    parseErrors++;
    console.error(`Could not scan ${projectPath(error.file)}: ${error.message}`);
  }
}
for (const issue of result.issues) {
  findings.push({
    check: issue.id,
    file: issue.file && issue.file !== 'N/A' ? projectPath(issue.file) : 'N/A',
    line: issue.location.line,
    severity: issue.severity.name,
    severityValue: issue.severity.value,
    confidence: issue.confidence.name,
    sample: String(issue.sample ?? '').trim(),
    description: issue.description,
  });
}

mkdirSync(dirname(reportFile), { recursive: true });
const csvCell = (value) => `"${String(value).replaceAll('"', '""')}"`;
writeFileSync(
  reportFile,
  ['check,severity,confidence,file,line,sample,description']
    .concat(
      findings.map((f) =>
        [f.check, f.severity, f.confidence, f.file, f.line, f.sample, f.description].map(csvCell).join(','),
      ),
    )
    .join('\n') + '\n',
);

const isAccepted = (finding) => accepted.some((entry) => entry.check === finding.check && entry.file === finding.file);
const serious = findings.filter((finding) => finding.severityValue >= MEDIUM);
const unexplained = serious.filter((finding) => !isAccepted(finding));
const stale = accepted.filter(
  (entry) => !serious.some((finding) => finding.check === entry.check && finding.file === entry.file),
);

for (const finding of serious) {
  const mark = isAccepted(finding) ? 'accepted' : 'NOT ACCEPTED';
  console.log(`${mark}: ${finding.check} (${finding.severity}) ${finding.file}:${finding.line}  ${finding.sample}`);
}
console.log(
  `electronegativity ${electronVersion === undefined ? '' : `(as Electron ${electronVersion}) `}found ` +
    `${findings.length} finding(s), ${serious.length} of medium severity or higher; full list in ` +
    `${relative(projectRoot, reportFile)}.`,
);

let failed = false;
if (parseErrors > 0) {
  console.error(`${parseErrors} file(s) could not be scanned: fix them or the scanner's parser options.`);
  failed = true;
}
for (const finding of unexplained) {
  console.error(
    `Unexplained finding: ${finding.check} in ${finding.file}:${finding.line} (${finding.description}). ` +
      `Fix it, or add it to scripts/electronegativity-accepted.json with the reason it is safe (and to docs/SECURITY.md).`,
  );
  failed = true;
}
for (const entry of stale) {
  console.error(
    `Accepted finding no longer reported: ${entry.check} in ${entry.file}. Remove it from scripts/electronegativity-accepted.json.`,
  );
  failed = true;
}
if (failed) process.exit(1);
console.log('Every finding of medium severity or higher is explained.');

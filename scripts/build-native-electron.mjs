// `npm run build:native`: builds better-sqlite3 for the installed Electron into native/electron/, leaving node_modules' Node build alone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const outputDir = join(projectRoot, 'native', 'electron');
const outputFile = join(outputDir, 'better_sqlite3.node');
const headersUrl = process.env.DEBATE_DESK_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers';

function say(message) {
  console.log(`build:native: ${message}`);
}

class BuildStop extends Error {}

function fail(message) {
  throw new BuildStop(message);
}

function packageDir(require, name) {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    fail(`${name} is not installed; run npm install first.`);
  }
}

function readVersion(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

function run(command, args, cwd, extraEnv = {}) {
  say(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
    shell: process.platform === 'win32' && !command.endsWith('.exe') && command !== process.execPath,
  });
  return result.status === 0;
}

async function checkOnline(electronVersion) {
  const probe = `${headersUrl}/v${electronVersion}/SHASUMS256.txt`;
  try {
    const response = await fetch(probe, {
      method: 'HEAD',
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok)
      fail(`Electron ${electronVersion} headers are not available at ${probe} (HTTP ${response.status}).`);
  } catch (error) {
    fail(
      `cannot reach ${headersUrl} (${error?.cause?.code ?? error?.cause?.message ?? error?.message ?? error}): this step needs internet access; ` +
        'run it on a machine that has it, then copy native/electron/ here.',
    );
  }
}

function nodeGypCommand() {
  // npm sets npm_config_node_gyp to the node-gyp it bundles when it runs a package script.
  const bundled = process.env.npm_config_node_gyp;
  if (bundled && existsSync(bundled)) return { command: process.execPath, args: [bundled] };
  return { command: 'npx', args: ['--yes', 'node-gyp'] };
}

async function main() {
  const require = createRequire(join(projectRoot, 'package.json'));
  const electronDir = packageDir(require, 'electron');
  const sqliteDir = packageDir(require, 'better-sqlite3');
  const electronVersion = readVersion(electronDir);
  const sqliteVersion = readVersion(sqliteDir);
  const arch = process.env.npm_config_arch ?? process.arch;

  say(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch})`);
  await checkOnline(electronVersion);

  const workDir = mkdtempSync(join(tmpdir(), 'debate-desk-native-'));
  const buildDir = join(workDir, 'better-sqlite3');
  try {
    // A private copy: building in node_modules would replace the Node build that the tests load.
    cpSync(sqliteDir, buildDir, {
      recursive: true,
      filter: (source) => {
        const inside = relative(sqliteDir, source);
        return inside !== 'build' && !inside.startsWith(`build${sep}`) && inside !== 'node_modules';
      },
    });
    const built = join(buildDir, 'build', 'Release', 'better_sqlite3.node');

    let prebuildInstall = null;
    try {
      prebuildInstall = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    } catch {
      say('prebuild-install is not installed; compiling from source.');
    }
    const gotPrebuilt =
      prebuildInstall !== null &&
      run(
        process.execPath,
        [
          prebuildInstall,
          '--runtime',
          'electron',
          '--target',
          electronVersion,
          '--arch',
          arch,
          '--platform',
          process.platform,
          '--verbose',
        ],
        buildDir,
      ) &&
      existsSync(built);

    if (!gotPrebuilt) {
      say('no prebuilt binary; compiling against the Electron headers (needs Python and a C++ toolchain).');
      const gyp = nodeGypCommand();
      const compiled = run(
        gyp.command,
        [
          ...gyp.args,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          `--dist-url=${headersUrl}`,
          // Electron's headers are cached apart from Node's, which node-gyp keeps by version number alone.
          `--devdir=${join(homedir(), '.electron-gyp')}`,
        ],
        buildDir,
      );
      if (!compiled || !existsSync(built)) fail('compiling better-sqlite3 for Electron failed; see the output above.');
    }

    if (statSync(built).size === 0) fail(`the build produced an empty ${built}.`);
    mkdirSync(outputDir, { recursive: true });
    copyFileSync(built, outputFile);
    say(
      `wrote ${relative(projectRoot, outputFile)}; the Electron shell loads it through better-sqlite3's nativeBinding option.`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`build:native: ${error instanceof BuildStop ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
}

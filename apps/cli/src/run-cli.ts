import { DEPTHS, rootOrchError, toOrchError } from '@orch/core';
import { REPORT_FORMATS } from '@orch/report';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { analyzeCommand } from './analyze-command.js';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';

function describeFailure(error: unknown, verbose: boolean): { code: ExitCode; text: string } {
  const orchError = toOrchError(error);
  const root = rootOrchError(orchError);
  const code: ExitCode =
    root.category === 'input'
      ? EXIT_CODES.usage
      : root.category === 'cancelled'
        ? EXIT_CODES.interrupted
        : EXIT_CODES.runFailed;
  const message = root.category === 'input' ? root.message : orchError.message;
  let text = `orch: ${message.split('\n').join('\n  ')}\n`;
  if (verbose) {
    for (let current: unknown = error; current instanceof Error; current = current.cause) {
      text += `${current.stack ?? current.message}\n`;
    }
  }
  return { code, text };
}

function buildProgram(io: CliIo, exit: (code: ExitCode) => void): Command {
  const program = new Command('orch')
    .description(
      'Content intelligence: summary, claims, fallacies, sentiment, deception and threat scores for a source.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run orch --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('analyze')
    .description('Analyse a local file (.txt, .md, .html, .srt, .vtt, .json transcript)')
    .argument('<source>', 'path of the file to analyse')
    .addOption(
      new Option('-d, --depth <depth>', `how deep to analyse: ${DEPTHS.join(', ')}`).default(
        'standard',
      ),
    )
    .addOption(
      new Option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`).default(
        'md',
      ),
    )
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .option('-v, --verbose', 'debug logging and stack traces on errors', false)
    .option('-q, --quiet', 'no progress output', false)
    .action(async (source: string, options) => {
      try {
        await analyzeCommand(source, options, io);
        exit(EXIT_CODES.done);
      } catch (error) {
        const failure = describeFailure(error, options.verbose);
        io.stderr(failure.text);
        exit(failure.code);
      }
    });
  return program;
}

/** Runs `orch` with these arguments (without node and script) and resolves with the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT_CODES.done;
  const program = buildProgram(io, (value) => {
    code = value;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.done : EXIT_CODES.usage;
    }
    throw error;
  }
  if (argv.length === 0) {
    io.stderr(program.helpInformation());
    return EXIT_CODES.usage;
  }
  return code;
}

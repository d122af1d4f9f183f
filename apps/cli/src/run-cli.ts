import { DEPTHS, rootOrchError, toOrchError } from '@orch/core';
import { REPORT_FORMATS } from '@orch/report';
import { RUN_STATUSES } from '@orch/workflow-state';
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { analyzeCommand } from './analyze-command.js';
import { budgetReportCommand } from './budget-command.js';
import type { CliIo } from './cli-io.js';
import { doctorCommand } from './doctor-command.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { resumeCommand } from './resume-command.js';
import { listRunsCommand, pruneRunsCommand, showRunCommand } from './runs-command.js';

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
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const act =
    <A extends unknown[]>(work: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await work(...args);
        exit(EXIT_CODES.done);
      } catch (error) {
        // Commander passes the parsed options second to last, before the command itself.
        const options = args.at(-2) as { verbose?: boolean } | undefined;
        const failure = describeFailure(error, options?.verbose === true);
        io.stderr(failure.text);
        exit(failure.code);
      }
    };
  const depthOption = () =>
    new Option('-d, --depth <depth>', `how deep to analyse: ${DEPTHS.join(', ')}`).default(
      'standard',
    );
  /** --offline, --model, --base-url, --config: how the stages analyse. */
  const withEngineOptions = (command: Command): Command =>
    command
      .option('--offline', 'use the offline heuristics even when a model endpoint is configured')
      .option('--model <name>', 'the model of every LLM stage (default: ORCH_MODEL or gpt-4o-mini)')
      .option(
        '--base-url <url>',
        'an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 for Ollama',
      )
      .option('--config <file>', 'the config file (default: ORCH_CONFIG or <data dir>/config.json)')
      .option(
        '--budget <usd>',
        'hard cap of the run in USD (default by depth: quick 0.50, standard 1.50, deep 3, comprehensive 5, experimental 10)',
      )
      .option('--strict-budget', 'refuse model calls whose price is unknown instead of warning');
  const allowHostOption = () =>
    new Option(
      '--allow-host <host>',
      'let a URL reach this host although it is private or loopback (self-hosted servers; repeatable)',
    ).argParser((host: string, hosts: string[] = []) => [...hosts, host]);
  const formatOption = () =>
    new Option('-f, --format <format>', `report format: ${REPORT_FORMATS.join(', ')}`).default(
      'md',
    );

  withEngineOptions(program.command('analyze'))
    .description(
      'Analyse a web page, a document (.txt, .md, .html, .pdf), a transcript (.srt, .vtt, .json) or audio/video (file or URL)',
    )
    .argument('<source>', 'an http(s) URL or the path of a file')
    .addOption(depthOption())
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .addOption(allowHostOption())
    .option('-t, --tenant <id>', 'whose daily budget and ledger the run uses', 'local')
    .option('--estimate', 'print what the run is expected to cost and take, then exit', false)
    .option('-v, --verbose', 'debug logging and stack traces on errors', false)
    .option('-q, --quiet', 'no progress output', false)
    .action(act((source: string, options) => analyzeCommand(source, options, io)));

  withEngineOptions(program.command('resume'))
    .description('Continue a crashed, cancelled or failed run; finished stages are not run again')
    .argument('<id>', 'the run id (see orch runs)')
    .addOption(formatOption())
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .addOption(allowHostOption())
    .option('-v, --verbose', 'debug logging and stack traces on errors', false)
    .option('-q, --quiet', 'no progress output', false)
    .action(act((id: string, options) => resumeCommand(id, options, io)));

  program
    .command('doctor')
    .description('Check ffmpeg, yt-dlp, the data directory, the config file and the model endpoint')
    .option('--config <file>', 'the config file (default: ORCH_CONFIG or <data dir>/config.json)')
    .option('--json', 'print JSON', false)
    .action(act((options) => doctorCommand(options, io)));

  program
    .command('budget')
    .description('Spending on model calls')
    .command('report')
    .description(
      'What model calls cost, by tenant, day, model and run (from the ledger in the data dir)',
    )
    .option('-t, --tenant <id>', 'only this tenant')
    .option('--since <when>', 'from a UTC day (2025-03-01), an ISO instant, or an age (24h, 7d)')
    .option('--until <when>', 'before a UTC day, an ISO instant, or an age')
    .option('--run <id>', 'only this run')
    .option('--json', 'print JSON', false)
    .action(act((options) => budgetReportCommand(options, io)));

  const runs = program
    .command('runs')
    .description('List runs of earlier invocations, newest first')
    .option('-s, --status <status>', `only runs with this status: ${RUN_STATUSES.join(', ')}`)
    .option('-n, --limit <count>', 'how many runs to list', '20')
    .option('-a, --all', 'include archived runs', false)
    .option('--json', 'print JSON', false)
    .action(act((options) => listRunsCommand(options, io)));
  runs
    .command('show')
    .description('Show one run: status, stages, attempts, errors')
    .argument('<id>', 'the run id')
    .option('--json', 'print JSON', false)
    .action(act((id: string, options) => showRunCommand(id, options, io)));
  runs
    .command('prune')
    .description('Delete finished runs (completed, failed, cancelled) created before a given age')
    .requiredOption('--older-than <age>', 'an age such as 30d, 12h, 90m or 2w')
    .action(act((options) => pruneRunsCommand(options, io)));
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

import type { RunEvent, StageId, StepStatus } from '@orch/core';

export type ProgressMode = 'live' | 'plain' | 'quiet';

export interface ProgressRendererOptions {
  readonly mode: ProgressMode;
  readonly write: (text: string) => void;
  /** Terminal width: live lines are cut to it, since a wrapped line breaks the redraw. */
  readonly columns?: number | undefined;
}

export interface ProgressRenderer {
  handle(event: RunEvent): void;
}

const MARKS: Record<StepStatus | 'pending' | 'running', string> = {
  pending: '·',
  running: '▸',
  ok: '✓',
  uncertain: '~',
  skip: '-',
  fail: '✗',
};

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Shows a run's progress on stderr: a stage list redrawn in place on a terminal (`live`),
 * one line per finished stage otherwise (`plain`), or nothing (`quiet`).
 */
export function createProgressRenderer(options: ProgressRendererOptions): ProgressRenderer {
  const { mode, write } = options;
  // stage lines, plus one 'budget' line under them once spending is worth showing
  const lines = new Map<StageId | 'budget', string>();
  let drawn = 0;

  const draw = (): void => {
    const text = [...lines.values()];
    write(`${drawn > 0 ? `\x1b[${drawn}A` : ''}${text.map((line) => `\x1b[2K${line}\n`).join('')}`);
    drawn = text.length;
  };

  const width = Math.max(20, (options.columns ?? 80) - 1);
  const fit = (text: string): string =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text;
  const line = (stage: StageId, mark: string, note = ''): void => {
    lines.set(stage, fit(`  ${mark} ${stage}${note ? `  ${note}` : ''}`));
  };
  const usd = (value: number): string => `$${value.toFixed(value < 0.1 ? 4 : 2)}`;

  return {
    handle(event) {
      if (mode === 'quiet') return;
      switch (event.type) {
        case 'run-start':
          write(`orch: run ${event.runId} (${event.depth}, ${event.stages.length} stages)\n`);
          if (mode === 'live') {
            for (const stage of event.stages) line(stage, MARKS.pending);
            draw();
          }
          return;
        case 'stage-start':
          if (mode === 'live') {
            line(event.stage, MARKS.running, 'running');
            draw();
          }
          return;
        case 'stage-finish': {
          const note = event.resumed
            ? 'restored from checkpoint'
            : (event.error?.message ?? event.reason ?? '');
          const summary = `${seconds(event.durationMs)}${note ? ` · ${note.split('\n')[0]}` : ''}`;
          if (mode === 'live') {
            line(event.stage, MARKS[event.status], summary);
            draw();
          } else {
            write(`orch: ${MARKS[event.status]} ${event.stage} ${event.status} (${summary})\n`);
          }
          return;
        }
        case 'recovery':
          if (mode === 'live') {
            line(event.stage, MARKS.running, event.message.split('\n')[0]);
            draw();
          } else {
            write(`orch: ↻ ${event.stage} ${event.action}: ${event.message.split('\n')[0]}\n`);
          }
          return;
        case 'budget': {
          if (event.kind !== 'threshold' && event.kind !== 'exhausted') return;
          const text =
            event.kind === 'threshold'
              ? `budget ${event.thresholdPercent}% of the ${usd(event.capUsd)} cap reached (${usd(event.spentUsd)} spent)`
              : `budget exhausted: ${event.stage ?? 'a stage'} could not afford its next model call (${usd(event.spentUsd)} of ${usd(event.capUsd)} spent)`;
          if (mode === 'live') {
            lines.set('budget', fit(`  $ ${text}`));
            draw();
          } else {
            write(`orch: $ ${text}\n`);
          }
          return;
        }
        case 'run-finish':
          write(`orch: run ${event.status} in ${seconds(event.durationMs)}\n`);
          return;
        default:
          return;
      }
    },
  };
}

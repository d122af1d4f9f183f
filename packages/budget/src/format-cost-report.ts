import type { CostReport, CostReportRow } from './cost-report.js';
import { formatUsd } from './internal/format-usd.js';

const HEADER = ['', 'spent', 'calls', 'unknown price', 'open', 'tokens in', 'tokens out'];

function cells(label: string, row: CostReportRow): string[] {
  return [
    label,
    formatUsd(row.usd),
    String(row.calls),
    String(row.unknownPriceCalls),
    row.openReservations === 0
      ? '0'
      : `${row.openReservations} (${formatUsd(row.openReservedUsd)})`,
    String(row.promptTokens),
    String(row.completionTokens),
  ];
}

function table(title: string, rows: string[][]): string {
  const all = [[title, ...HEADER.slice(1)], ...rows];
  const widths = HEADER.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  return all
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The plain-text form of a cost report, for a terminal. */
export function formatCostReport(report: CostReport): string {
  const scope = [
    report.query.tenant === undefined ? 'all tenants' : `tenant ${report.query.tenant}`,
    report.query.runId === undefined ? undefined : `run ${report.query.runId}`,
    report.query.since === undefined ? undefined : `since ${report.query.since}`,
    report.query.until === undefined ? undefined : `until ${report.query.until}`,
  ].filter((part) => part !== undefined);
  const lines = [
    `Cost report (${scope.join(', ')}): ${formatUsd(report.total.usd)} over ${plural(report.total.calls, 'call')}`,
  ];
  if (report.total.unknownPriceCalls > 0) {
    lines.push(
      `${plural(report.total.unknownPriceCalls, 'call')} used models without a price: their cost is not included. Add those models to the price table.`,
    );
  }
  if (report.total.calls === 0 && report.total.openReservations === 0) {
    lines.push('No spending recorded.');
    return lines.join('\n');
  }
  const sections: Array<[string, Array<CostReportRow & { tenant?: string }>]> = [
    ['tenant', report.byTenant],
    ['day (UTC)', report.byDay],
    ['model', report.byModel],
    ['run', report.byRun],
  ];
  for (const [title, rows] of sections) {
    lines.push(
      '',
      table(
        title,
        rows.map((row) => cells(row.key, row)),
      ),
    );
  }
  return lines.join('\n');
}

export { renderJson } from './render-json.js';
export { renderMarkdown } from './render-markdown.js';
export {
  parseReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
} from './render-report.js';

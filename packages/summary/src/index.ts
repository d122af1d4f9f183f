export { type BriefingInput, buildBriefing } from './build-briefing.js';
export { type IntelligenceGradeInput, intelligenceGrade } from './intelligence-grade.js';

// The scoring engine: pure functions from a key and a student's answers to figures and feedback.
export { aggregate, ClassAggregator, type ClassSummary, type ItemTally, type MeanFigures } from './aggregate';
export { type AttributeChoice, attributeChoices, type SpanWithAttribute } from './attributes';
export { fitOf } from './feedback';
export { describeRule, type Grade, type GradeInput, type GradingRule, gradeOf } from './grade';
export { type PreparedKey, prepareKey } from './prepare';
export { score } from './score';
export type * from './types';
export { type ValidationResult, validateAnswers } from './validate';

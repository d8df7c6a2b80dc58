// The assurance feature's public surface: other features import only from here.
export type {
  Competency, CompetencyRollupRule, DocumentType, Era, Framework, Governance, GovernanceArea, LeagueSettings, Level,
  OversightFramework, OversightMetric, Rag, RagRollupRule, SubCriterion, SubIndicator, Survey, SurveyItem, WccFramework,
} from './framework.ts';
export { allMetrics, allSubIndicators, frameworkKey, LEVELS, RAGS, scoredCompetencies } from './framework.ts';
export type { FrameworkIssue, ValidationResult } from './validate-framework.ts';
export { FrameworkValidationError, formatIssue, parseFramework, validateFramework } from './validate-framework.ts';
export { evaluateCompetencies, evaluateGovernance, rollUpCompetency, rollUpRag } from './rollup.ts';
export type { CompetencyResult, GovernanceResult } from './rollup.ts';
export { scoreByPeerQuartile, scoreByPeerRank, scoreByThresholds, segmentByBands, segmentTrusts } from './segmentation.ts';
export type { SegmentResult, TrustInput } from './segmentation.ts';
export { buildScorecard, competencyScore, governanceScore } from './scorecard.ts';
export type { Scorecard, ScorecardInput } from './scorecard.ts';
export { oversightLeague, previousRanks, wccLeague } from './league.ts';
export type { LeagueRow, PreviousRanks } from './league.ts';
export type { AutonomyPolicy, AutonomyRule, AutonomyStatus, Condition } from './autonomy-policy.ts';
export { validateAutonomyPolicy } from './autonomy-policy.ts';
export { proposeAutonomy, weakest } from './autonomy.ts';
export type { AutonomyDecision, AutonomyProposal } from './autonomy.ts';
export { FRAMEWORKS_DIR, loadFrameworks, loadFrameworkText, loadPolicies, POLICIES_DIR } from './load-frameworks.ts';
export type { LoadedFramework, LoadedPolicy } from './load-frameworks.ts';
export { getFramework, getPolicy, listFrameworkVersions, loadCycleScorecards, syncAssuranceFrameworks, syncFrameworks, syncPolicies } from './repo.ts';
export type { CycleScorecards } from './repo.ts';
export type { FrameworkVersionSummary, SyncReport } from './repo.ts';
export { groupsToWithhold, summariseSurvey } from './survey.ts';
export type { CompetencySummary, SurveyAnswer, SurveyReport } from './survey.ts';
export { checkTimetable, isPublished, phaseAt, selfAssessmentEditable, surveyIsOpen } from './timetable.ts';
export type { Phase, Reopening, Timetable } from './timetable.ts';
export { compareSelfAndPanel } from './self-vs-panel.ts';
export type { SelfPanelComparison, SelfPanelRow } from './self-vs-panel.ts';
export { assuranceOpenData, toCsv } from './open-data.ts';
export type { Cell, OpenDataInput } from './open-data.ts';
// The annual cycle (routes, services, demo) and what other features read.
export { assuranceRoutes } from './routes.ts';
export { seedDemo, seedAssuranceDemoUsers, assuranceDemoUsers } from './demo.ts';
export { latestCompetencyScores, weakestCompetencies } from './competency-scores.ts';
export type { CompetencyScore } from './competency-scores.ts';
export { getCycle, listCycles } from './cycle-repo.ts';
export type { Cycle } from './cycle-repo.ts';
export { calibrate } from './calibration.ts';
export { panelAgreement } from './agreement.ts';

// The assurance framework model: a framework version is data (YAML in ./frameworks, JSONB in the
// database). WCC frameworks carry competencies and governance; oversight frameworks carry metrics and
// segmentation. Both share identity, era and league settings, so one table and one loader serve both.

export type Era = 'wcc' | 'oversight';
export const ERAS: readonly Era[] = ['wcc', 'oversight'];

/** Competency levels: 1 below baseline, 2 developing, 3 established, 4 world class. */
export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

export type Rag = 'red' | 'amber' | 'green';
export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];

export type Rounding = 'down' | 'nearest' | 'up';

/** Named rules turning sub-criterion levels into a competency level. */
export type CompetencyRollupRule =
  | { type: 'minimum'; description?: string }
  | { type: 'lowest_but_one'; description?: string }
  | { type: 'median'; tieBreak: 'lower' | 'upper'; description?: string }
  | { type: 'mean'; rounding: Rounding; maxAboveLowest?: number; description?: string }
  | { type: 'weighted_mean'; rounding: Rounding; weights: Record<string, number>; maxAboveLowest?: number;
      description?: string };
export type CompetencyRollupType = CompetencyRollupRule['type'];
export const COMPETENCY_ROLLUP_TYPES: readonly CompetencyRollupType[] =
  ['minimum', 'lowest_but_one', 'median', 'mean', 'weighted_mean'];

/** Named rules turning several RAG ratings (sub-indicators, or areas) into one. */
export type RagRollupRule =
  | { type: 'worst'; description?: string }
  | { type: 'rag_counts'; redIfRedsAtLeast: number; amberIfAmbersAtLeast: number; redIfAmbersAtLeast?: number;
      description?: string }
  | { type: 'points_mean'; greenAtLeast: number; amberAtLeast: number; description?: string };
export type RagRollupType = RagRollupRule['type'];
export const RAG_ROLLUP_TYPES: readonly RagRollupType[] = ['worst', 'rag_counts', 'points_mean'];

export interface LevelLabel { level: Level; label: string }

export interface DocumentType { id: string; title: string; required: boolean }

export interface Evidence {
  documents: string[];      // ids from documentTypes
  metrics: string[];        // metrics the panel expects to see, in words
  survey: boolean;          // whether 360° feedback informs this sub-criterion
}

export interface SubCriterion {
  number: string;           // "5.3"
  title: string;
  descriptors: Record<Level, string>;
  evidence: Evidence;
}

export interface Competency {
  number: number;
  title: string;
  description: string;
  scored: boolean;
  notScoredReason?: string;
  rollup?: CompetencyRollupRule;    // overrides the framework's competencyRollup
  subCriteria: SubCriterion[];
}

export interface SubIndicator { id: string; title: string; red: string; amber: string; green: string }
export interface GovernanceArea { id: string; title: string; subIndicators: SubIndicator[] }
export interface Governance {
  ragPoints: Record<Rag, number>;
  areaRollup: RagRollupRule;
  overallRollup: RagRollupRule;
  areas: GovernanceArea[];
}

export type SurveyItemKind = 'likert' | 'free_text';
export interface SurveyItem {
  id: string;
  competency: number | null;
  kind: SurveyItemKind;
  text: string;
  groups?: string[];        // stakeholder groups asked this item; all groups when absent
}
export interface StakeholderGroup { id: string; title: string }
export interface Survey {
  scale: { min: number; max: number; labels: string[]; allowDontKnow: boolean };
  minimumGroupSize: number;
  stakeholderGroups: StakeholderGroup[];
  items: SurveyItem[];
}

export type LeagueOrder = 'governance_then_competencies' | 'weighted' | 'segment_then_score';
export interface LeagueSettings {
  order: LeagueOrder;
  governanceWeight?: number;
  competencyWeight?: number;
  description?: string;
}

// --- oversight-style frameworks -------------------------------------------------------------------

export type Polarity = 'higher_is_better' | 'lower_is_better';
/**
 * thresholds: three cut-points from the score-1 bound to the score-3 bound (discrete 1–4);
 * peer_rank: continuous 1.00–4.00 by rank among the trusts assessed, 1 + 3·(rank − 1)/(n − 1);
 * peer_quartile: discrete 1–4, the quartile of rank among the trusts assessed.
 */
export type MetricScoring =
  | { type: 'thresholds'; cutPoints: [number, number, number] }
  | { type: 'peer_rank' }
  | { type: 'peer_quartile' };
export type MetricScoringType = MetricScoring['type'];
/** score_bands: fixed bands of mean score; peer_quartile: quartiles of mean score among the trusts assessed. */
export type SegmentationRule = { type: 'score_bands' | 'peer_quartile'; description?: string };
export interface OversightMetric { id: string; title: string; polarity: Polarity; scoring: MetricScoring; weight?: number }
export interface OversightDomain { id: string; title: string; metrics: OversightMetric[] }
export interface SegmentBand { segment: number; label: string; maxMeanScore?: number; assignedByOverrideOnly?: boolean }
export type OverrideCondition = { flag: string } | { metric: string; scoreAtLeast: number };
export type SegmentOverride =
  | { id: string; type: 'cap'; segment: number; when: OverrideCondition; description?: string }
  | { id: string; type: 'assign'; segment: number; when: OverrideCondition; onlyFromSegments?: number[];
      description?: string };
export interface OversightSection {
  bestScore: 1;
  aggregation: { type: 'mean' | 'weighted_mean'; description?: string };
  segmentation: SegmentationRule;
  minimumMetrics: number;
  segments: SegmentBand[];
  overrides: SegmentOverride[];
  domains: OversightDomain[];
}

// --- the framework version --------------------------------------------------------------------------

interface FrameworkBase {
  id: string;
  version: string;          // financial year, "2009-10"
  title: string;
  effectiveFrom: string;    // ISO date
  effectiveTo?: string;
  summary?: string;
  league: LeagueSettings;
}

export interface WccFramework extends FrameworkBase {
  era: 'wcc';
  levels: LevelLabel[];
  competencyRollup: CompetencyRollupRule;
  documentTypes: DocumentType[];
  competencies: Competency[];
  governance: Governance;
  survey: Survey;
}

export interface OversightFramework extends FrameworkBase {
  era: 'oversight';
  oversight: OversightSection;
}

export type Framework = WccFramework | OversightFramework;

export function frameworkKey(f: Pick<Framework, 'id' | 'version'>): string {
  return `${f.id}@${f.version}`;
}

export function scoredCompetencies(f: WccFramework): Competency[] {
  return f.competencies.filter((c) => c.scored);
}

export function allSubIndicators(f: WccFramework): SubIndicator[] {
  return f.governance.areas.flatMap((a) => a.subIndicators);
}

export function allMetrics(f: OversightFramework): OversightMetric[] {
  return f.oversight.domains.flatMap((d) => d.metrics);
}

// The demo round for Barking & Dagenham PCT (5C2): realistic investment and disinvestment options
// for 2009-10 to 2013-14 with criteria and swing weights. Illustrative figures, not real PCT data.
import type { OptionInput } from './schemas.ts';

const rec = (a: number, b = a, c = b, d = c, e = d) => [a, b, c, d, e];
const zero = [0, 0, 0, 0, 0];
const traj = (indicatorId: string, ...t: number[]) => ({ indicatorId, trajectory: t });
const nice = (title: string, url: string) => ({ title, url });

export const demoCriteria = [
  { code: 'health-gain', name: 'Health gain', description: 'QALYs gained and lives saved, against the evidence', swingPoints: 100 },
  { code: 'inequalities', name: 'Reducing inequalities', description: 'Gain concentrated in the most deprived wards and groups', swingPoints: 70 },
  { code: 'strategic-fit', name: 'Strategic fit', description: 'Fit with the strategic plan and the outcomes we chose', swingPoints: 50 },
  { code: 'deliverability', name: 'Deliverability and risk', description: 'Workforce, provider readiness, time to benefit', swingPoints: 40 },
  { code: 'evidence', name: 'Strength of evidence', description: 'NICE guidance, trials, local pilots', swingPoints: 30 },
];

export const demoOptions: OptionInput[] = [
  { code: 'NHSHC', title: 'NHS Health Check (vascular risk assessment) roll-out', programme: '10', kind: 'investment', mustDo: true,
    recurringCosts: rec(380e3, 420e3, 450e3), nonRecurringCosts: [90e3, 0, 0, 0, 0], qalyLow: 60, qalyLikely: 120, qalyHigh: 200,
    activityChange: '12,000 checks a year in general practice and pharmacies', inequalities: 'neutral', risk: 'medium', strategicFit: 5,
    outcomes: [traj('mortality-cvd-under-75', 0, -0.5, -1, -1.5, -2)],
    evidence: [nice('DH: Putting prevention first (2008)', 'https://webarchive.nationalarchives.gov.uk/')] },
  { code: 'CARDREHAB', title: 'Cardiac rehabilitation: expand the hospital programme', programme: '10', kind: 'investment',
    recurringCosts: rec(240e3), nonRecurringCosts: [60e3, 0, 0, 0, 0], qalyLow: 45, qalyLikely: 70, qalyHigh: 95, excludes: ['HOMECR'],
    activityChange: 'Uptake after MI from 30% to 65%', inequalities: 'neutral', risk: 'low', strategicFit: 4,
    outcomes: [traj('mortality-cvd-under-75', -0.4, -0.8, -1, -1, -1)],
    evidence: [nice('NICE CG48: MI secondary prevention', 'https://www.nice.org.uk/guidance/cg48')] },
  { code: 'HOMECR', title: 'Cardiac rehabilitation: home-based programme (alternative)', programme: '10', kind: 'investment',
    recurringCosts: rec(170e3), nonRecurringCosts: [40e3, 0, 0, 0, 0], qalyLow: 30, qalyLikely: 55, qalyHigh: 80, excludes: ['CARDREHAB'],
    activityChange: 'Home-based rehab with the Heart Manual for 400 patients a year', inequalities: 'narrows', risk: 'medium', strategicFit: 4,
    outcomes: [traj('mortality-cvd-under-75', -0.3, -0.6, -0.8, -0.8, -0.8)],
    evidence: [nice('Cochrane: home-based versus centre-based cardiac rehabilitation', 'https://www.cochranelibrary.com/')] },
  { code: 'HFNURSE', title: 'Heart failure specialist nurses', programme: '10', kind: 'investment',
    recurringCosts: rec(190e3), nonRecurringCosts: zero, qalyLow: 25, qalyLikely: 40, qalyHigh: 60, risk: 'low', strategicFit: 4, inequalities: 'neutral',
    activityChange: '120 fewer emergency admissions a year', outcomes: [traj('mortality-cvd-under-75', -0.2, -0.4, -0.5, -0.5, -0.5)],
    evidence: [nice('NICE CG108: chronic heart failure', 'https://www.nice.org.uk/guidance/cg108')] },
  { code: 'STOPSMOKE', title: 'Stop smoking service: expand to 2,500 quitters a year', programme: '21', kind: 'investment',
    recurringCosts: rec(310e3, 330e3), nonRecurringCosts: [45e3, 0, 0, 0, 0], qalyLow: 250, qalyLikely: 400, qalyHigh: 600, inequalities: 'narrows', risk: 'medium', strategicFit: 5,
    activityChange: 'Four-week quitters from 1,400 to 2,500 a year', outcomes: [traj('smoking-quitters', 300, 700, 1000, 1100, 1100)],
    evidence: [nice('NICE PH10: smoking cessation services', 'https://www.nice.org.uk/guidance/ph10')] },
  { code: 'SMOKEPREG', title: 'Smoking in pregnancy: specialist midwife pathway', programme: '18', kind: 'investment', requires: ['STOPSMOKE'],
    recurringCosts: rec(75e3), nonRecurringCosts: zero, qalyLow: 15, qalyLikely: 30, qalyHigh: 45, inequalities: 'narrows', risk: 'medium', strategicFit: 4,
    activityChange: 'CO screening at booking; 150 pregnant quitters a year', outcomes: [traj('smoking-quitters', 40, 100, 150, 150, 150)],
    evidence: [nice('NICE PH26: quitting smoking in pregnancy', 'https://www.nice.org.uk/guidance/ph26')] },
  { code: 'FALLS', title: 'Falls prevention service for people aged 65+', programme: '16', kind: 'investment',
    recurringCosts: rec(210e3), nonRecurringCosts: [35e3, 0, 0, 0, 0], qalyLow: 30, qalyLikely: 50, qalyHigh: 75, inequalities: 'neutral', risk: 'medium', strategicFit: 4,
    activityChange: 'Multifactorial assessment for 900 people; 40 fewer hip fractures a year', outcomes: [traj('hip-fractures-65-plus', -10, -25, -35, -40, -40)],
    evidence: [nice('NICE CG21: falls', 'https://www.nice.org.uk/guidance/cg21')] },
  { code: 'ALCNURSE', title: 'Alcohol liaison nurses at Queen\'s and King George hospitals', programme: '5', kind: 'investment',
    recurringCosts: [140e3, 90e3, 70e3, 70e3, 70e3], nonRecurringCosts: zero, qalyLow: 15, qalyLikely: 30, qalyHigh: 45, inequalities: 'narrows', risk: 'low', strategicFit: 5,
    activityChange: 'Net of 60–70k a year of avoided readmissions from year 2', outcomes: [traj('admissions-alcohol-narrow', -20, -60, -80, -90, -90)],
    evidence: [nice('NICE PH24: alcohol-use disorders, prevention', 'https://www.nice.org.uk/guidance/ph24')] },
  { code: 'PULMREHAB', title: 'COPD pulmonary rehabilitation', programme: '11', kind: 'investment',
    recurringCosts: rec(175e3), nonRecurringCosts: [25e3, 0, 0, 0, 0], qalyLow: 28, qalyLikely: 45, qalyHigh: 62, inequalities: 'narrows', risk: 'low', strategicFit: 4,
    activityChange: '300 patients a year; 50 fewer COPD admissions', outcomes: [traj('mortality-respiratory-under-75', 0, -0.3, -0.5, -0.6, -0.6)],
    evidence: [nice('NICE CG101: COPD', 'https://www.nice.org.uk/guidance/cg101')] },
  { code: 'IAPT', title: 'Psychological therapies (IAPT) expansion', programme: '5', kind: 'investment',
    recurringCosts: rec(330e3, 360e3), nonRecurringCosts: [50e3, 0, 0, 0, 0], qalyLow: 40, qalyLikely: 70, qalyHigh: 100, inequalities: 'neutral', risk: 'medium', strategicFit: 4,
    activityChange: '1,200 more people treated a year', outcomes: [], evidence: [nice('NICE CG90: depression in adults', 'https://www.nice.org.uk/guidance/cg90')] },
  { code: 'DIABED', title: 'Diabetes structured education (DESMOND)', programme: '4', kind: 'investment',
    recurringCosts: rec(110e3), nonRecurringCosts: [20e3, 0, 0, 0, 0], qalyLow: 10, qalyLikely: 20, qalyHigh: 32, inequalities: 'neutral', risk: 'low', strategicFit: 3,
    activityChange: '600 newly diagnosed people a year', outcomes: [], evidence: [nice('NICE TA60: patient education models for diabetes', 'https://www.nice.org.uk/guidance/ta60')] },
  { code: 'LOWVALUE', title: 'Decommission low-value procedures (tonsillectomy, grommets, D&C, spinal injections)', programme: '23', kind: 'disinvestment',
    recurringCosts: [-180e3, -380e3, -400e3, -400e3, -400e3], nonRecurringCosts: [30e3, 0, 0, 0, 0], qalyLow: -25, qalyLikely: -12, qalyHigh: -3, inequalities: 'neutral', risk: 'medium', strategicFit: 4,
    activityChange: 'About 450 fewer procedures a year under prior approval', outcomes: [], evidence: [nice('NICE "do not do" recommendations', 'https://www.nice.org.uk/')] },
  { code: 'COMMBEDS', title: 'Close 12 community hospital beds; move to intermediate care at home', programme: '23', kind: 'disinvestment',
    recurringCosts: [0, -420e3, -520e3, -520e3, -520e3], nonRecurringCosts: [0, 150e3, 0, 0, 0], qalyLow: -55, qalyLikely: -30, qalyHigh: -8, inequalities: 'widens', risk: 'high', strategicFit: 3,
    activityChange: '12 beds closed; 80 more intermediate-care packages', outcomes: [], evidence: [] },
];

// Demo data for FESC: the framework as launched on 5 October 2007, its lots (as data, each tagged with the
// WCC competencies it helps with) and 14 pre-qualified suppliers. Six are named in the sources; the other
// eight are fictional and marked as such.
import type { FrameworkInput } from './frameworks.ts';

export const fescSuppliers = [
  { id: 'SUP-UNITEDHEALTH', name: 'UnitedHealth Europe', fictional: false },
  { id: 'SUP-BUPA', name: 'BUPA', fictional: false },
  { id: 'SUP-HUMANA', name: 'Humana Europe', fictional: false },
  { id: 'SUP-MCKINSEY', name: 'McKinsey & Company', fictional: false },
  { id: 'SUP-TRIBAL', name: 'Tribal', fictional: false },
  { id: 'SUP-NAVIGANT', name: 'Navigant Consulting', fictional: false },
  { id: 'SUP-NORTHGATE-CP', name: 'Northgate Commissioning Partners (fictional)', fictional: true },
  { id: 'SUP-MERIDIAN', name: 'Meridian Health Analytics (fictional)', fictional: true },
  { id: 'SUP-PENNINE', name: 'Pennine Public Engagement (fictional)', fictional: true },
  { id: 'SUP-ALBION', name: 'Albion Contract Management (fictional)', fictional: true },
  { id: 'SUP-SEVERN', name: 'Severn Performance Associates (fictional)', fictional: true },
  { id: 'SUP-THAMES-IV', name: 'Thames Invoice Validation (fictional)', fictional: true },
  { id: 'SUP-CAIRN', name: 'Cairn Population Health (fictional)', fictional: true },
  { id: 'SUP-LOWRY', name: 'Lowry Commissioning Support (fictional)', fictional: true },
];

export const fesc: FrameworkInput = {
  id: 'FESC',
  title: 'Framework for procuring External Support for Commissioners (FESC)',
  description: 'A framework agreement of pre-qualified suppliers from which PCTs call off commissioning support by mini-competition. The PCT stays accountable; no direct patient care.',
  buyerName: 'Department of Health',
  startsOn: '2007-10-05',
  endsOn: '2011-10-04',
  maxCallOffMonths: 48,
  terms: 'Call-off by mini-competition among the suppliers of a lot. Call-off contracts up to 48 months including extensions. No provision of direct patient care. The PCT remains accountable for commissioning decisions.',
  lots: [
    { code: 'AP', title: 'Assessment and planning', description: 'Data analysis, needs assessment, risk stratification, strategic planning.', competencies: [5, 6, 1],
      supplierIds: ['SUP-TRIBAL', 'SUP-BUPA', 'SUP-MCKINSEY', 'SUP-UNITEDHEALTH', 'SUP-MERIDIAN', 'SUP-CAIRN', 'SUP-NAVIGANT'] },
    { code: 'CPS', title: 'Contracting, procurement and settlement', description: 'Contract management, procurement, invoice validation and settlement.', competencies: [7, 9, 11],
      supplierIds: ['SUP-TRIBAL', 'SUP-ALBION', 'SUP-THAMES-IV', 'SUP-NAVIGANT', 'SUP-HUMANA'] },
    { code: 'PM', title: 'Performance management', description: 'Provider performance, quality and activity monitoring.', competencies: [10, 11, 8],
      supplierIds: ['SUP-SEVERN', 'SUP-HUMANA', 'SUP-LOWRY', 'SUP-MCKINSEY'] },
    { code: 'PPE', title: 'Patient and public engagement', description: 'Engagement, consultation and communications with the public and patients.', competencies: [3, 2],
      supplierIds: ['SUP-PENNINE', 'SUP-BUPA', 'SUP-NORTHGATE-CP'] },
    { code: 'E2E', title: 'End-to-end commissioning', description: 'The whole commissioning cycle, under the PCT’s direction.', competencies: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      supplierIds: ['SUP-UNITEDHEALTH', 'SUP-HUMANA', 'SUP-BUPA', 'SUP-LOWRY', 'SUP-NORTHGATE-CP'] },
  ],
};

export const demoCaseStudies = [
  { pctCode: '5ND', title: 'Co-funding community sports facilities with Sport England and the Big Lottery Fund',
    summary: 'The PCT pooled money with Sport England and the Big Lottery Fund to open community sports facilities in deprived wards.',
    body: 'Working with the county council and community partners, the PCT co-funded three community sports hubs. Uptake was targeted at wards in the most deprived quintile, with GP referral to exercise.',
    outcome: 'Adult physical activity up 4 points in the target wards over two years; referral scheme reached 1,200 people.', setting: 'mixed urban and rural', competencies: [2, 8] },
  { pctCode: '5C2', title: 'Community palliative care set up with practice-based commissioners',
    summary: 'Practice-based commissioners and the PCT redesigned end-of-life care so more people die in their preferred place.',
    body: 'A practice-based commissioning consortium led the redesign with district nurses and the hospice: a 24-hour palliative care line, anticipatory prescribing and a register in every practice.',
    outcome: 'Deaths in the usual place of residence rose from 34% to 41%; emergency admissions in the last month of life fell.', setting: 'urban', competencies: [4, 10] },
  { pctCode: '5HG', title: 'Risk stratification to target case management',
    summary: 'Combined data on population, activity and cost to find the small group of patients who use most resources.',
    body: 'The joint strategic needs assessment was extended with a predictive risk model of emergency admission for every registered patient; community matrons case-manage the top 0.5%.',
    outcome: 'Emergency bed days for the case-managed group fell by 18% against a matched comparison.', setting: 'urban', competencies: [5, 6] },
];

export const demoScores: { pctCode: string; year: string; levels: number[] }[] = [
  { pctCode: '5C2', year: '2008-09', levels: [2, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2] },
  { pctCode: '5C2', year: '2009-10', levels: [2, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3] },
  { pctCode: '5ND', year: '2008-09', levels: [3, 3, 2, 3, 2, 2, 2, 3, 2, 3, 3] },
  { pctCode: '5ND', year: '2009-10', levels: [3, 3, 2, 3, 2, 2, 2, 3, 2, 3, 3] },
];

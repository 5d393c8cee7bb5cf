import { Foundation1795315500000 } from './1795315500000-Foundation.js';
import { Findings1795316000000 } from './1795316000000-Findings.js';
import { CaseFiles1795320000001 } from './1795320000001-CaseFiles.js';
import { Reviews1795320000002 } from './1795320000002-Reviews.js';
import { Compliance1795330000000 } from './1795330000000-Compliance.js';
import { Rectification1795340000000 } from './1795340000000-Rectification.js';
import { Cockpit1795350000000 } from './1795350000000-Cockpit.js';
import { Assessment1795360000000 } from './1795360000000-Assessment.js';
import { LegalReviewExtension1795400000101 } from './1795400000101-LegalReviewExtension.js';
import { ScreeningRecovery1795400000102 } from './1795400000102-ScreeningRecovery.js';
import { EscalationLevelDerived1795400000201 } from './1795400000201-EscalationLevelDerived.js';
import { CockpitRollups1795400000301 } from './1795400000301-CockpitRollups.js';
import { AssessmentEvidence1795400000401 } from './1795400000401-AssessmentEvidence.js';
import { OutboxSeqIndex1795400000501 } from './1795400000501-OutboxSeqIndex.js';
import { ExportFiles1795500000101 } from './1795500000101-ExportFiles.js';

/** Every migration in order. Add a new file and list it here (one line); never edit one that has landed. */
export const MIGRATIONS = [
  Foundation1795315500000,
  Findings1795316000000,
  CaseFiles1795320000001,
  Reviews1795320000002,
  Compliance1795330000000,
  Rectification1795340000000,
  Cockpit1795350000000,
  Assessment1795360000000,
  LegalReviewExtension1795400000101,
  ScreeningRecovery1795400000102,
  EscalationLevelDerived1795400000201,
  CockpitRollups1795400000301,
  AssessmentEvidence1795400000401,
  OutboxSeqIndex1795400000501,
  ExportFiles1795500000101,
];

import type { Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { canReadResults } from './campaign-access.js';
import { CampaignStage, type ReviewCampaignEntity } from './entities/review-campaign.entity.js';

const DISTRICT = '/p/c/d/';
const actor = (role: Role, unitId = 'office', regionPath = DISTRICT): Actor => ({
  userId: `u-${role}-${unitId}`,
  username: 'x',
  roles: [role],
  unitId,
  regionPath,
  isSupervisingOffice: unitId === 'office',
});
const campaign = (stage: CampaignStage, results: object | null = { departments: [] }) =>
  ({ stage, results, regionPath: DISTRICT, departmentIds: ['market', 'city'] }) as unknown as ReviewCampaignEntity;

describe('canReadResults (review campaigns)', () => {
  const finalized = campaign(CampaignStage.FINALIZED);
  const published = campaign(CampaignStage.PUBLISHED);

  it('should let inspectors and admins read the results from finalizing, and leaders only once published', () => {
    for (const role of [Role.INSPECTOR, Role.ADMIN]) expect(canReadResults(actor(role), finalized)).toBe(true);
    expect(canReadResults(actor(Role.LEADER), finalized)).toBe(false);
    expect(canReadResults(actor(Role.LEADER), published)).toBe(true);
  });

  it('should let a department in the campaign read them once published, and no other department ever', () => {
    expect(canReadResults(actor(Role.DEPARTMENT_OFFICER, 'market'), finalized)).toBe(false);
    expect(canReadResults(actor(Role.DEPARTMENT_OFFICER, 'market'), published)).toBe(true);
    expect(canReadResults(actor(Role.DEPARTMENT_OFFICER, 'water'), published)).toBe(false);
  });

  it('should refuse everyone before there are results, and office staff of another region', () => {
    expect(canReadResults(actor(Role.INSPECTOR), campaign(CampaignStage.REVIEWING, null))).toBe(false);
    expect(canReadResults(actor(Role.INSPECTOR, 'office', '/p/c/e/'), published)).toBe(false);
  });
});

import { Role } from '@ducha/contracts';
import { Space } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth/useAuth';
import type { Scope } from './AssessmentPage';
import { currentQuarter, QuarterPicker } from './labels';
import type { Period } from './operations';
import { OwnScoreCard } from './OwnScoreCard';
import { RankingCard } from './RankingCard';
import { SelfReportCard } from './SelfReportCard';

/** 考核评分: inspectors score SELF_REPORT indicators per department; the ranking for the quarter or year, publishing and exports; a department's own published score. */
export function ScoresTab({ scope }: { scope: Scope }) {
  const { hasRole } = useAuth();
  const [quarter, setQuarter] = useState(currentQuarter);
  // Office staff (inspectors, leaders, administrators) see the ranking; a department sees its own published result.
  const office = hasRole(Role.INSPECTOR) || hasRole(Role.LEADER) || hasRole(Role.ADMIN);
  const period: Period = { frameworkId: scope.frameworkId, year: scope.year, quarter: quarter || null };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="as-scores">
      <QuarterPicker value={quarter} onChange={setQuarter} annual />
      {hasRole(Role.INSPECTOR) && <SelfReportCard period={period} />}
      {office ? <RankingCard period={period} /> : <OwnScoreCard period={period} />}
    </Space>
  );
}

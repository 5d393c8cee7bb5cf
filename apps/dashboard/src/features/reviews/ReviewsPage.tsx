import { Route, Routes } from 'react-router-dom';
import { CampaignListPage } from './CampaignListPage';
import { CampaignPage } from './CampaignPage';
import { RecheckQueuePage } from './RecheckQueuePage';
import { ScoreSheetPage } from './ScoreSheetPage';

/** 案卷评查: campaigns, the re-check queue, one campaign's draw / assignments / files / my sheets / results, and the scoring form. */
export function ReviewsPage() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path="rechecks" element={<RecheckQueuePage />} />
      <Route path=":campaignId" element={<CampaignPage />} />
      <Route path=":campaignId/sheets/:sheetId" element={<ScoreSheetPage />} />
    </Routes>
  );
}

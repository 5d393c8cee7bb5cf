import { Route, Routes } from 'react-router-dom';
import { CampaignListPage } from './CampaignListPage';
import { CampaignPage } from './CampaignPage';
import { ScoreSheetPage } from './ScoreSheetPage';

/** 案卷评查: campaigns, one campaign's draw / files / my sheets / results, and the scoring form. */
export function ReviewsPage() {
  return (
    <Routes>
      <Route index element={<CampaignListPage />} />
      <Route path=":campaignId" element={<CampaignPage />} />
      <Route path=":campaignId/sheets/:sheetId" element={<ScoreSheetPage />} />
    </Routes>
  );
}

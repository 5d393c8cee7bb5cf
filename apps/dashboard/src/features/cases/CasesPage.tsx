import { Route, Routes } from 'react-router-dom';
import { CaseFilePage } from './CaseFilePage';
import { CaseListPage } from './CaseListPage';

/** 案卷查阅: the case files I may see, and one file's facts (linked from screen failures and drawn files). */
export function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path=":caseFileId" element={<CaseFilePage />} />
    </Routes>
  );
}

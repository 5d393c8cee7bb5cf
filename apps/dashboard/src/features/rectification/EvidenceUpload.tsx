import { InboxOutlined } from '@ant-design/icons';
import { App, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/useT';
import { restErrorMessage } from '../../shared/http/restError';
import { uploadWithProgress } from '../../shared/http/uploadWithProgress';

const ALLOWED = ['.pdf', '.jpg', '.jpeg', '.png', '.gif', '.doc', '.docx', '.xls', '.xlsx'];
const MAX_BYTES = 20 * 1024 * 1024;

export interface UploadedEvidence {
  id: string;
  fileName: string;
  size: number;
}

/** Drag-and-drop evidence with a progress bar; type and size are checked before anything is sent. */
export function EvidenceUpload({ taskId, onUploaded }: { taskId: string; onUploaded(file: UploadedEvidence): void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);

  const upload = async (file: File): Promise<void> => {
    setProgress({ name: file.name, percent: 0 });
    try {
      const { status, body } = await uploadWithProgress<UploadedEvidence>(`/files/rectification/${taskId}`, file, (percent) =>
        setProgress({ name: file.name, percent }),
      );
      if (status >= 200 && status < 300 && body?.id) {
        onUploaded({ id: body.id, fileName: body.fileName, size: body.size });
        void message.success(t('task.uploaded', { name: body.fileName }));
      } else {
        void message.error(t('task.uploadFailed', { message: restErrorMessage(status, body, locale) }));
      }
    } catch {
      void message.error(t('error.network'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <div data-testid="evidence-upload">
      <Upload.Dragger
        accept={ALLOWED.join(',')}
        multiple
        showUploadList={false}
        disabled={progress !== null}
        beforeUpload={(file) => {
          const name = file.name.toLowerCase();
          if (!ALLOWED.some((ext) => name.endsWith(ext))) void message.error(t('task.uploadBadType'));
          else if (file.size > MAX_BYTES) void message.error(t('task.uploadTooLarge'));
          else void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('task.uploadHint')}</p>
      </Upload.Dragger>
      {progress && <Progress percent={progress.percent} status="active" format={(p) => `${progress.name} ${p}%`} />}
    </div>
  );
}

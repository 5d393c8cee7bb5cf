import { InboxOutlined } from '@ant-design/icons';
import { App, Upload } from 'antd';

/**
 * A drag-and-drop zone for one file at a time: a wrong type or an oversized file is refused with a
 * toast before anything is sent; an accepted one goes to `onFile`.
 */
export function FileDropZone({
  testId,
  extensions,
  maxBytes,
  disabled = false,
  hint,
  badType,
  tooLarge,
  onFile,
}: {
  testId: string;
  /** Lower-case, with the dot: `.xlsx`. */
  extensions: readonly string[];
  maxBytes: number;
  disabled?: boolean;
  hint: string;
  badType: string;
  tooLarge: string;
  onFile(file: File): void;
}) {
  const { message } = App.useApp();
  return (
    <div data-testid={testId}>
      <Upload.Dragger
        accept={extensions.join(',')}
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          const name = file.name.toLowerCase();
          if (!extensions.some((ext) => name.endsWith(ext))) void message.error(badType);
          else if (file.size > maxBytes) void message.error(tooLarge);
          else onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{hint}</p>
      </Upload.Dragger>
    </div>
  );
}

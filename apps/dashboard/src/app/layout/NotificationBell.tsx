import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { MARK_READ, NOTIFICATIONS } from '../../features/rectification/operations';
import { useT } from '../../i18n/useT';
import { formatInShanghai } from '../../shared/time/dayjs';
import { useLiveEvents } from '../realtime/useLiveEvents';

/** 消息通知: unread count, refreshed the moment a `notification.created` event arrives (and every minute as a fallback). */
export function NotificationBell({ className }: { className?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data, refetch } = useQuery(NOTIFICATIONS, { variables: { page: 1, pageSize: 10, unreadOnly: false }, pollInterval: 60_000 });
  const [markRead] = useMutation(MARK_READ);
  useLiveEvents((event) => {
    if (event.type === 'notification.created') void refetch();
  });
  const unread = data?.notifications.unread ?? 0;
  const items = data?.notifications.items ?? [];

  const read = async (ids?: string[]): Promise<void> => {
    try {
      await markRead({ variables: { input: ids ? { ids } : {} } });
    } finally {
      void refetch();
    }
  };

  const content = (
    <div style={{ width: 340 }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.taskId ? 'pointer' : undefined, opacity: n.read ? 0.6 : 1 }}
              onClick={() => {
                if (!n.read) void read([n.id]);
                if (n.taskId) {
                  setOpen(false);
                  void navigate(`/rectification/${n.taskId}`);
                }
              }}
            >
              <List.Item.Meta
                title={
                  <span>
                    {!n.read && <Badge status="processing" />} {n.title}
                  </span>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{formatInShanghai(n.createdAt, 'MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('notify.title')}
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => void read()}>
              {t('notify.markAll')}
            </Button>
          )}
        </span>
      }
      content={content}
    >
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button
          type="text"
          className={className}
          icon={<BellOutlined />}
          aria-label={t('header.notifications')}
          data-testid="header-notifications"
        />
      </Badge>
    </Popover>
  );
}

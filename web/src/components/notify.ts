import { type NotificationData, notifications } from '@mantine/notifications';
import i18n from '../i18n';

/** A toast whose close button has a name screen readers can say. */
export const notify = (data: NotificationData) =>
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18n.t('common.close') } });

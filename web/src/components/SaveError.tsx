import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../api/client';
import { errorMessage } from './PageStates';

/** A failed save: the server's message, and for a version conflict a way to reload. */
export function SaveError({ error, onReload }: { error: unknown; onReload?: (() => void) | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = isVersionConflict(error);
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{conflict ? t('common.conflict') : errorMessage(error, t('errors.generic'))}</Text>
        {conflict && onReload && (
          <Button size="xs" variant="filled" color="red.9" onClick={onReload}>
            {t('common.reload')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

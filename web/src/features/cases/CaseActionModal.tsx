import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveError } from './CaseBadges';

/**
 * A modal form for one action on a case: the fields, the server's error (with the reload offer
 * on a version conflict) and cancel/submit buttons.
 */
export function CaseActionModal({
  opened,
  title,
  submitLabel,
  submitColor,
  busy,
  error,
  onSubmit,
  onClose,
  onReload,
  children,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  submitColor?: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  onReload: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          <SaveError
            error={error}
            onReload={() => {
              onClose();
              onReload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

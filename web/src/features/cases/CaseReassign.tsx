import { type Case, reassignCaseInput } from '@atensi/domain';
import { Button, Text } from '@mantine/core';
import { IconUserCog } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { issuesToFormErrors } from '../../lib/validation';
import { reassignCase } from './api';
import { CaseActionModal } from './CaseActionModal';
import { useSave } from './CaseForms';
import { WorkerSelect } from './WorkerSelect';

/** "Ganti pekerja sosial": the head of the case's centre gives the case to another worker there. */
export function ReassignButton({
  value: c,
  onSaved,
  onReload,
}: {
  value: Case;
  onSaved: (c: Case) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const close = () => {
    setOpened(false);
    setWorkerId(null);
    setErrors({});
    save.reset();
  };
  const submit = () => {
    const raw = { assignedWorkerId: workerId ?? '', version: c.version };
    const parsed = reassignCaseInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await reassignCase(c.id, parsed.data));
      notify({ color: 'green', message: t('cases.reassign.saved') });
      close();
    });
  };
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconUserCog size={14} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {t('cases.reassign.action')}
      </Button>
      <CaseActionModal
        opened={opened}
        title={t('cases.reassign.title')}
        submitLabel={t('common.save')}
        busy={save.busy}
        error={save.error}
        onSubmit={submit}
        onClose={close}
        onReload={onReload}
      >
        <Text size="sm">
          {t('cases.reassign.current', { name: c.assignedWorkerName ?? t('common.none') })}
        </Text>
        <WorkerSelect
          label={t('cases.reassign.worker')}
          required
          centerId={c.centerId}
          exclude={[c.assignedWorkerId]}
          value={workerId}
          onChange={setWorkerId}
          error={errors.assignedWorkerId}
        />
      </CaseActionModal>
    </>
  );
}

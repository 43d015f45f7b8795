import {
  acceptTransferInput,
  type Case,
  rejectTransferInput,
  requestTransferInput,
  type Transfer,
} from '@atensi/domain';
import { Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { issuesToFormErrors } from '../../lib/validation';
import { acceptTransfer, cancelTransfer, rejectTransfer, requestTransfer } from './api';
import { CaseActionModal } from './CaseActionModal';
import { useSave } from './CaseForms';
import { WorkerSelect } from './WorkerSelect';

type ModalProps = {
  value: Case;
  opened: boolean;
  onClose: () => void;
  onSaved: (c: Case) => void;
  onReload: () => void;
};

/** The sending side (the case's worker or head) asks another centre to take the case. */
export function RequestTransferModal({ value: c, opened, onClose, onSaved, onReload }: ModalProps) {
  const { t } = useTranslation();
  const [toCenterId, setToCenterId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const close = () => {
    setToCenterId(null);
    setReason('');
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const raw = { toCenterId: toCenterId ?? '', reason, version: c.version };
    const parsed = requestTransferInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await requestTransfer(c.id, parsed.data));
      notify({ color: 'green', message: t('cases.transfer.requested') });
      close();
    });
  };
  return (
    <CaseActionModal
      opened={opened}
      title={t('cases.transfer.requestTitle')}
      submitLabel={t('cases.transfer.send')}
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <Text size="sm">{t('cases.transfer.requestHint')}</Text>
      <CenterSelect
        label={t('cases.transfer.toCenter')}
        required
        exclude={[c.centerId]}
        value={toCenterId}
        onChange={setToCenterId}
        error={errors.toCenterId}
      />
      <Textarea
        label={t('cases.transfer.reason')}
        description={t('validation.minLength', { count: 10 })}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
    </CaseActionModal>
  );
}

/** The sending side withdraws its request. */
export function CancelTransferModal({
  transfer,
  ...props
}: ModalProps & {
  transfer: Transfer;
}) {
  const { t } = useTranslation();
  const { value: c, opened, onClose, onSaved, onReload } = props;
  const save = useSave(() => undefined);
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = () =>
    void save.run(async () => {
      onSaved(await cancelTransfer(c.id, c.version));
      notify({ color: 'green', message: t('cases.transfer.cancelled') });
      close();
    });
  return (
    <CaseActionModal
      opened={opened}
      title={t('cases.transfer.cancelTitle')}
      submitLabel={t('cases.transfer.cancel')}
      submitColor="red.9"
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <Text size="sm">{t('cases.transfer.cancelBody', { center: transfer.toCenterName })}</Text>
    </CaseActionModal>
  );
}

/** The receiving head takes the case and names who of their centre works on it. */
export function AcceptTransferModal({ transfer, ...props }: ModalProps & { transfer: Transfer }) {
  const { t } = useTranslation();
  const { value: c, opened, onClose, onSaved, onReload } = props;
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const close = () => {
    setWorkerId(null);
    setNote('');
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const raw = { assignedWorkerId: workerId ?? '', note: note.trim() || null, version: c.version };
    const parsed = acceptTransferInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await acceptTransfer(c.id, parsed.data));
      notify({ color: 'green', message: t('cases.transfer.accepted') });
      close();
    });
  };
  return (
    <CaseActionModal
      opened={opened}
      title={t('cases.transfer.acceptTitle')}
      submitLabel={t('cases.transfer.acceptSubmit')}
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <Text size="sm">
        {t('cases.transfer.acceptHint', { from: transfer.fromCenterName, to: transfer.toCenterName })}
      </Text>
      <WorkerSelect
        label={t('cases.fields.assignedWorker')}
        required
        centerId={transfer.toCenterId}
        value={workerId}
        onChange={setWorkerId}
        error={errors.assignedWorkerId}
      />
      <Textarea
        label={t('cases.transfer.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </CaseActionModal>
  );
}

/** The receiving head declines, with the reason the sending side reads. */
export function RejectTransferModal({ value: c, opened, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const close = () => {
    setReason('');
    setErrors({});
    save.reset();
    onClose();
  };
  const submit = () => {
    const raw = { reason, version: c.version };
    const parsed = rejectTransferInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      await rejectTransfer(c.id, parsed.data);
      notify({ color: 'green', message: t('cases.transfer.rejected') });
      close();
      // The case stays with the sending centre: this head no longer sees it.
      queryClient.removeQueries({ queryKey: ['cases', 'detail', c.id] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void navigate({ to: '/kasus' });
    });
  };
  return (
    <CaseActionModal
      opened={opened}
      title={t('cases.transfer.rejectTitle')}
      submitLabel={t('cases.transfer.rejectSubmit')}
      submitColor="red.9"
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <Textarea
        label={t('cases.transfer.rejectReason')}
        description={t('validation.minLength', { count: 5 })}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
    </CaseActionModal>
  );
}

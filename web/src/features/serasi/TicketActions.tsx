import { assignTicketInput, closeTicketInput, type Ticket, ticketMessageInput } from '@atensi/domain';
import { Button, Group, NativeSelect, Textarea } from '@mantine/core';
import {
  IconArrowForwardUp,
  IconBuildingCommunity,
  IconCircleCheck,
  IconFolderPlus,
  IconLink,
  IconMessage,
  IconNotes,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { triage } from './api';
import { ForwardModal } from './ForwardModal';
import { LinkCaseModal } from './LinkCaseModal';
import { OpenCaseModal } from './OpenCaseModal';
import { ActionModal, type TriageModalProps as ModalProps } from './SerasiParts';

type Action = 'assign' | 'answer' | 'note' | 'forward' | 'close' | 'case' | 'link';
export type TicketActionProps = { ticket: Ticket; onSaved: (t: Ticket) => void; onReload: () => void };

/** The triage buttons of an open ticket and their modal forms. */
export function TicketActions({ ticket, onSaved, onReload }: TicketActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const common = { ticket, onReload, onClose: close };
  const saved = (message: string) => (updated: Ticket) => {
    onSaved(updated);
    notify({ color: 'green', message });
    close();
  };
  return (
    <>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconBuildingCommunity size={16} aria-hidden />}
          onClick={() => setOpen('assign')}
          disabled={ticket.suggestedCenters.length === 0}
        >
          {t('serasi.actions.assign')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconMessage size={16} aria-hidden />}
          onClick={() => setOpen('answer')}
        >
          {t('serasi.actions.answer')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconNotes size={16} aria-hidden />}
          onClick={() => setOpen('note')}
        >
          {t('serasi.actions.note')}
        </Button>
        {!ticket.caseId && (
          <Button leftSection={<IconFolderPlus size={16} aria-hidden />} onClick={() => setOpen('case')}>
            {t('serasi.openCase.action')}
          </Button>
        )}
        {!ticket.caseId && (
          <Button
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            onClick={() => setOpen('link')}
          >
            {t('serasi.linkCase.action')}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconArrowForwardUp size={16} aria-hidden />}
          onClick={() => setOpen('forward')}
        >
          {t('serasi.actions.forward')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconCircleCheck size={16} aria-hidden />}
          onClick={() => setOpen('close')}
        >
          {t('serasi.actions.close')}
        </Button>
      </Group>
      {open === 'assign' && <AssignModal {...common} onSaved={saved(t('serasi.actions.assigned'))} />}
      {open === 'answer' && (
        <MessageModal {...common} kind="answer" onSaved={saved(t('serasi.actions.answered'))} />
      )}
      {open === 'note' && <MessageModal {...common} kind="note" onSaved={saved(t('serasi.actions.noted'))} />}
      {open === 'forward' && <ForwardModal {...common} onSaved={saved(t('serasi.actions.forwarded'))} />}
      {open === 'close' && <CloseModal {...common} onSaved={saved(t('serasi.actions.closed'))} />}
      {open === 'case' && <OpenCaseModal {...common} onSaved={onSaved} />}
      {open === 'link' && <LinkCaseModal {...common} onSaved={saved(t('serasi.linkCase.linked'))} />}
    </>
  );
}

function AssignModal({ ticket, onSaved, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const initialCenter =
    ticket.centerId && ticket.suggestedCenters.some((c) => c.centerId === ticket.centerId)
      ? ticket.centerId
      : (ticket.suggestedCenters[0]?.centerId ?? '');
  const f = useSchemaForm({ centerId: initialCenter });
  return (
    <ActionModal
      opened
      title={t('serasi.actions.assignTitle')}
      submitLabel={t('serasi.actions.assignSubmit')}
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={onReload}
      onSubmit={() =>
        void f.submit(
          assignTicketInput,
          { centerId: f.values.centerId, version: ticket.version },
          async (input) => onSaved(await triage.assign(ticket.id, input)),
        )
      }
    >
      <NativeSelect
        label={t('serasi.actions.center')}
        description={t('serasi.actions.centerHint')}
        required
        data={ticket.suggestedCenters.map((c) => ({ value: c.centerId, label: c.centerName }))}
        value={f.values.centerId}
        onChange={(e) => f.set('centerId', e.currentTarget.value)}
        error={f.errors.centerId}
        data-autofocus
      />
    </ActionModal>
  );
}

function MessageModal({
  ticket,
  onSaved,
  onClose,
  onReload,
  kind,
}: ModalProps & { kind: 'answer' | 'note' }) {
  const { t } = useTranslation();
  const f = useSchemaForm({ text: '' });
  const send = kind === 'answer' ? triage.answer : triage.note;
  return (
    <ActionModal
      opened
      title={kind === 'answer' ? t('serasi.actions.answerTitle') : t('serasi.actions.noteTitle')}
      submitLabel={kind === 'answer' ? t('serasi.actions.answerSubmit') : t('serasi.actions.noteSubmit')}
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={onReload}
      onSubmit={() =>
        void f.submit(ticketMessageInput, { text: f.values.text, version: ticket.version }, async (input) =>
          onSaved(await send(ticket.id, input)),
        )
      }
    >
      <Textarea
        label={kind === 'answer' ? t('serasi.actions.answerText') : t('serasi.actions.noteText')}
        description={kind === 'answer' ? t('serasi.actions.answerHint') : t('serasi.actions.noteHint')}
        required
        autosize
        minRows={4}
        maxLength={4000}
        value={f.values.text}
        onChange={(e) => f.set('text', e.currentTarget.value)}
        error={f.errors.text}
        data-autofocus
      />
    </ActionModal>
  );
}

function CloseModal({ ticket, onSaved, onClose, onReload }: ModalProps) {
  const { t } = useTranslation();
  const f = useSchemaForm({ publicText: '' });
  return (
    <ActionModal
      opened
      title={t('serasi.actions.closeTitle')}
      submitLabel={t('serasi.actions.closeSubmit')}
      submitColor="red.9"
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={onReload}
      onSubmit={() =>
        void f.submit(
          closeTicketInput,
          { publicText: f.values.publicText, version: ticket.version },
          async (input) => onSaved(await triage.close(ticket.id, input)),
        )
      }
    >
      <Textarea
        label={t('serasi.actions.closeText')}
        description={t('serasi.actions.closeHint')}
        required
        autosize
        minRows={4}
        maxLength={4000}
        value={f.values.publicText}
        onChange={(e) => f.set('publicText', e.currentTarget.value)}
        error={f.errors.publicText}
        data-autofocus
      />
    </ActionModal>
  );
}

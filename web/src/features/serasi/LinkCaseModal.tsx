import { linkTicketInput } from '@atensi/domain';
import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { CaseSearchSelect } from '../cases/CaseSearchSelect';
import { triage } from './api';
import { ActionModal, type TriageModalProps } from './SerasiParts';

/**
 * "Tautkan ke kasus": the ticket is about a person who already has a case at the officer's
 * centre. Who may list cases (a centre head) searches them by number or name; a desk officer,
 * who may not, types the case number the social worker gives.
 */
export function LinkCaseModal({ ticket, onSaved, onClose, onReload }: TriageModalProps) {
  const { t } = useTranslation();
  const me = useMe();
  const searchable = can(me, 'case.list');
  const f = useSchemaForm<{ caseId: string | null; caseNumber: string }>({ caseId: null, caseNumber: '' });
  const submit = () =>
    void f.submit(
      linkTicketInput,
      searchable
        ? { caseId: f.values.caseId, version: ticket.version }
        : { caseNumber: f.values.caseNumber, version: ticket.version },
      async (input) => onSaved(await triage.linkCase(ticket.id, input)),
      // The search names its own field: "choose a case" rather than "enter the number".
      searchable && !f.values.caseId ? { caseId: t('serasi.linkCase.chooseCase') } : {},
    );
  return (
    <ActionModal
      opened
      title={t('serasi.linkCase.title')}
      submitLabel={t('serasi.linkCase.submit')}
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={onReload}
      onSubmit={submit}
    >
      <Text size="sm">{t('serasi.linkCase.intro')}</Text>
      {searchable ? (
        <CaseSearchSelect
          label={t('serasi.linkCase.search')}
          description={t('serasi.linkCase.searchHint')}
          value={f.values.caseId}
          onChange={(id) => f.set('caseId', id)}
          error={f.errors.caseId}
        />
      ) : (
        <TextInput
          label={t('serasi.linkCase.number')}
          description={t('serasi.linkCase.numberHint')}
          placeholder={`ATN-${new Date().getFullYear()}-…`}
          required
          maxLength={60}
          value={f.values.caseNumber}
          onChange={(e) => f.set('caseNumber', e.currentTarget.value)}
          error={f.errors.caseNumber}
          data-autofocus
          autoComplete="off"
        />
      )}
    </ActionModal>
  );
}

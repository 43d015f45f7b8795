import {
  type Campaign,
  type CampaignPlatform,
  type CampaignPurpose,
  campaignInputProblems,
  campaignLimits,
  campaignPlatforms,
  campaignPurposes,
  closeCampaignInput,
  consentGivers,
  consentInput,
  consentProblems,
  createCampaignInput,
  type DisbursementMethod,
  disbursableRupiah,
  disbursementInput,
  disbursementMethods,
  formatRupiah,
  raisedUpdateInput,
  updateCampaignInput,
} from '@atensi/domain';
import {
  Checkbox,
  Fieldset,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { CaseSearchSelect } from '../cases/CaseSearchSelect';
import {
  closeCampaign,
  createCampaign,
  recordConsent,
  recordDisbursement,
  recordRaisedUpdate,
  updateCampaign,
} from './api';
import { FundraisingModal, formErrors, localToday, RupiahInput, rupiahValue, useSave } from './CampaignParts';

type ConsentGiver = (typeof consentGivers)[number];
type Saved = (c: Campaign) => void;
type ModalProps = { opened: boolean; onClose: () => void; onSaved: Saved; onReload?: () => void };

/** A random key per opened form, so a retried request is recorded once (`crypto.randomUUID` is RFC 4122). */
const newKey = () => crypto.randomUUID();

/**
 * The campaign form, to create a draft (for `caseId`, or a case chosen here) or to edit
 * `value`. The public title and story are checked here as on the server (except against
 * the beneficiary's own numbers, which only the server holds).
 */
export function CampaignFormModal({
  opened,
  onClose,
  onSaved,
  onReload,
  value,
  caseId,
}: ModalProps & { value?: Campaign; caseId?: string }) {
  const { t } = useTranslation();
  const [chosenCase, setChosenCase] = useState<string | null>(caseId ?? null);
  const [platform, setPlatform] = useState<CampaignPlatform>(value?.platform ?? 'kitabisa');
  const [platformName, setPlatformName] = useState(value?.platformName ?? '');
  const [campaignUrl, setCampaignUrl] = useState(value?.campaignUrl ?? '');
  const [purpose, setPurpose] = useState<CampaignPurpose | ''>(value?.purpose ?? '');
  const [title, setTitle] = useState(value?.title ?? '');
  const [story, setStory] = useState(value?.story ?? '');
  const [target, setTarget] = useState<string | number>(value?.targetRupiah ?? '');
  const [startsOn, setStartsOn] = useState(value?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(value?.endsOn ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const onSubmit = () => {
    const fields = {
      platform,
      platformName: platform === 'other' ? platformName : null,
      campaignUrl,
      purpose: purpose || undefined,
      title,
      story,
      targetRupiah: rupiahValue(target),
      startsOn,
      endsOn,
    };
    const raw = value
      ? { ...fields, version: value.version }
      : { ...fields, caseId: chosenCase ?? undefined };
    const parsed = value ? updateCampaignInput.safeParse(raw) : createCampaignInput.safeParse(raw);
    const problems = campaignInputProblems({
      platform,
      platformName: fields.platformName,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      title,
      story,
    });
    const found = formErrors(parsed.success ? [] : parsed.error.issues, raw, problems, t);
    if (!value && !chosenCase) found.caseId = t('fundraising.caseRequired');
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    void save.run(async () => {
      const saved = value
        ? await updateCampaign(value.id, updateCampaignInput.parse(raw))
        : await createCampaign(createCampaignInput.parse(raw));
      notify({ color: 'green', message: t(value ? 'fundraising.saved' : 'fundraising.created') });
      onSaved(saved);
      onClose();
    });
  };

  return (
    <FundraisingModal
      opened={opened}
      title={value ? t('fundraising.editTitle') : t('fundraising.createTitle')}
      submitLabel={t('common.save')}
      busy={save.busy}
      error={save.error}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
    >
      {!value && !caseId && (
        <CaseSearchSelect
          label={t('fundraising.caseSearch')}
          description={t('fundraising.caseSearchHint')}
          value={chosenCase}
          onChange={setChosenCase}
          error={errors.caseId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('fundraising.fields.platform')}
          required
          data={campaignPlatforms.map((p) => ({ value: p, label: t(`fundraising.platform.${p}`) }))}
          value={platform}
          onChange={(e) => setPlatform(e.currentTarget.value as CampaignPlatform)}
          error={errors.platform}
        />
        {platform === 'other' && (
          <TextInput
            label={t('fundraising.fields.platformName')}
            required
            maxLength={100}
            value={platformName}
            onChange={(e) => setPlatformName(e.currentTarget.value)}
            error={errors.platformName}
          />
        )}
        <NativeSelect
          label={t('fundraising.fields.purpose')}
          required
          data={[
            { value: '', label: t('persons.choose') },
            ...campaignPurposes.map((p) => ({ value: p, label: t(`fundraising.purpose.${p}`) })),
          ]}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value as CampaignPurpose | '')}
          error={errors.purpose}
        />
        <RupiahInput
          label={t('fundraising.fields.targetRupiah')}
          required
          value={target}
          onChange={setTarget}
          error={errors.targetRupiah}
        />
      </SimpleGrid>
      <TextInput
        type="url"
        label={t('fundraising.fields.campaignUrl')}
        description={t('fundraising.fields.campaignUrlHint')}
        placeholder="https://kitabisa.com/campaign/…"
        maxLength={campaignLimits.urlMax}
        value={campaignUrl}
        onChange={(e) => setCampaignUrl(e.currentTarget.value)}
        error={errors.campaignUrl}
        autoComplete="off"
      />
      <Text size="sm" c="dimmed" id="fundraising-public-hint">
        {t('fundraising.fields.publicHint')}
      </Text>
      <TextInput
        label={t('fundraising.fields.title')}
        required
        maxLength={campaignLimits.titleMax}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
        aria-describedby="fundraising-public-hint"
      />
      <Textarea
        label={t('fundraising.fields.story')}
        required
        autosize
        minRows={5}
        maxRows={14}
        maxLength={campaignLimits.storyMax}
        value={story}
        onChange={(e) => setStory(e.currentTarget.value)}
        error={errors.story}
        aria-describedby="fundraising-public-hint"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('fundraising.fields.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          error={errors.startsOn}
        />
        <TextInput
          type="date"
          label={t('fundraising.fields.endsOn')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={errors.endsOn}
        />
      </SimpleGrid>
    </FundraisingModal>
  );
}

export function ConsentModal({
  opened,
  onClose,
  onSaved,
  onReload,
  value,
}: ModalProps & { value: Campaign }) {
  const { t } = useTranslation();
  const current = value.consent;
  const [givenBy, setGivenBy] = useState<ConsentGiver>(current?.givenBy ?? 'self');
  const [giverName, setGiverName] = useState(current?.giverName ?? '');
  const [consentedOn, setConsentedOn] = useState(current?.consentedOn ?? localToday());
  const [publishStory, setPublishStory] = useState(current?.publishStory ?? true);
  const [publishPhoto, setPublishPhoto] = useState(current?.publishPhoto ?? false);
  const [documentNumber, setDocumentNumber] = useState(current?.documentNumber ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const onSubmit = () => {
    const raw = {
      givenBy,
      giverName,
      consentedOn,
      publishStory,
      publishPhoto,
      documentNumber,
      version: value.version,
    };
    const parsed = consentInput.safeParse(raw);
    const problems = consentProblems({ publishStory, consentedOn }, localToday());
    const found = formErrors(parsed.success ? [] : parsed.error.issues, raw, problems, t);
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await recordConsent(value.id, parsed.data));
      notify({ color: 'green', message: t('fundraising.consent.saved') });
      onClose();
    });
  };

  return (
    <FundraisingModal
      opened={opened}
      title={t('fundraising.consent.title')}
      submitLabel={t('common.save')}
      busy={save.busy}
      error={save.error}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      size="md"
    >
      <Radio.Group
        label={t('fundraising.consent.givenBy')}
        required
        value={givenBy}
        onChange={(v) => setGivenBy(v as ConsentGiver)}
        error={errors.givenBy}
      >
        <Stack gap="xs" mt={4}>
          {consentGivers.map((g) => (
            <Radio key={g} value={g} label={t(`fundraising.consent.giver.${g}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('fundraising.consent.giverName')}
        required
        maxLength={200}
        value={giverName}
        onChange={(e) => setGiverName(e.currentTarget.value)}
        error={errors.giverName}
      />
      <TextInput
        type="date"
        label={t('fundraising.consent.consentedOn')}
        required
        max={localToday()}
        value={consentedOn}
        onChange={(e) => setConsentedOn(e.currentTarget.value)}
        error={errors.consentedOn}
      />
      <Fieldset legend={t('fundraising.consent.agreed')} variant="unstyled">
        <Stack gap="xs">
          <Checkbox
            label={t('fundraising.consent.publishStory')}
            checked={publishStory}
            onChange={(e) => setPublishStory(e.currentTarget.checked)}
            error={errors.publishStory}
          />
          <Checkbox
            label={t('fundraising.consent.publishPhoto')}
            checked={publishPhoto}
            onChange={(e) => setPublishPhoto(e.currentTarget.checked)}
          />
        </Stack>
      </Fieldset>
      <TextInput
        label={t('fundraising.consent.documentNumber')}
        maxLength={100}
        value={documentNumber}
        onChange={(e) => setDocumentNumber(e.currentTarget.value)}
        error={errors.documentNumber}
      />
    </FundraisingModal>
  );
}

export function RaisedUpdateModal({
  opened,
  onClose,
  onSaved,
  onReload,
  value,
}: ModalProps & { value: Campaign }) {
  const { t } = useTranslation();
  const [reportedOn, setReportedOn] = useState(localToday());
  const [raised, setRaised] = useState<string | number>(value.raisedRupiah);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const onSubmit = () => {
    const raw = { reportedOn, raisedRupiah: rupiahValue(raised), note, version: value.version };
    const parsed = raisedUpdateInput.safeParse(raw);
    const found = formErrors(parsed.success ? [] : parsed.error.issues, raw, [], t);
    if (!parsed.success) {
      setErrors(found);
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await recordRaisedUpdate(value.id, parsed.data));
      notify({ color: 'green', message: t('fundraising.updates.saved') });
      setNote('');
      onClose();
    });
  };

  return (
    <FundraisingModal
      opened={opened}
      title={t('fundraising.updates.modalTitle')}
      submitLabel={t('common.save')}
      busy={save.busy}
      error={save.error}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      size="md"
    >
      <TextInput
        type="date"
        label={t('fundraising.updates.reportedOn')}
        required
        max={localToday()}
        value={reportedOn}
        onChange={(e) => setReportedOn(e.currentTarget.value)}
        error={errors.reportedOn}
      />
      <RupiahInput
        label={t('fundraising.updates.raisedRupiah')}
        description={t('fundraising.updates.raisedHint')}
        required
        value={raised}
        onChange={setRaised}
        error={errors.raisedRupiah}
      />
      <Textarea
        label={t('fundraising.updates.note')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </FundraisingModal>
  );
}

export function DisbursementModal({
  opened,
  onClose,
  onSaved,
  onReload,
  value,
}: ModalProps & { value: Campaign }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newKey);
  const [disbursedOn, setDisbursedOn] = useState(localToday());
  const [amount, setAmount] = useState<string | number>('');
  const [method, setMethod] = useState<DisbursementMethod | ''>('');
  const [recipientName, setRecipientName] = useState('');
  const [proofNumber, setProofNumber] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const remaining = disbursableRupiah(value);

  const onSubmit = () => {
    const raw = {
      disbursedOn,
      amountRupiah: rupiahValue(amount),
      method: method || undefined,
      recipientName,
      proofNumber,
      note,
      idempotencyKey: key,
    };
    const parsed = disbursementInput.safeParse(raw);
    const found = formErrors(parsed.success ? [] : parsed.error.issues, raw, [], t);
    // The server refuses it too (under a lock); saying so here spares a round trip.
    if (parsed.success && parsed.data.amountRupiah > remaining && !found.amountRupiah) {
      found.amountRupiah = t('fundraising.disbursements.overRemaining', { amount: formatRupiah(remaining) });
    }
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await recordDisbursement(value.id, parsed.data));
      notify({ color: 'green', message: t('fundraising.disbursements.saved') });
      setKey(newKey());
      setAmount('');
      setProofNumber('');
      setNote('');
      onClose();
    });
  };

  return (
    <FundraisingModal
      opened={opened}
      title={t('fundraising.disbursements.modalTitle')}
      submitLabel={t('common.save')}
      busy={save.busy}
      error={save.error}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      size="md"
    >
      <Text size="sm" fw={600}>
        {t('fundraising.disbursements.remaining', { amount: formatRupiah(remaining) })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('fundraising.disbursements.disbursedOn')}
          required
          max={localToday()}
          value={disbursedOn}
          onChange={(e) => setDisbursedOn(e.currentTarget.value)}
          error={errors.disbursedOn}
        />
        <RupiahInput
          label={t('fundraising.disbursements.amountRupiah')}
          required
          value={amount}
          onChange={setAmount}
          error={errors.amountRupiah}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('fundraising.disbursements.method')}
        required
        data={[
          { value: '', label: t('persons.choose') },
          ...disbursementMethods.map((m) => ({
            value: m,
            label: t(`fundraising.disbursements.methods.${m}`),
          })),
        ]}
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value as DisbursementMethod | '')}
        error={errors.method}
      />
      <TextInput
        label={t('fundraising.disbursements.recipientName')}
        description={t('fundraising.disbursements.recipientHint')}
        required
        maxLength={200}
        value={recipientName}
        onChange={(e) => setRecipientName(e.currentTarget.value)}
        error={errors.recipientName}
      />
      <TextInput
        label={t('fundraising.disbursements.proofNumber')}
        required
        maxLength={100}
        value={proofNumber}
        onChange={(e) => setProofNumber(e.currentTarget.value)}
        error={errors.proofNumber}
      />
      <Textarea
        label={t('fundraising.disbursements.note')}
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </FundraisingModal>
  );
}

export function CloseModal({ opened, onClose, onSaved, onReload, value }: ModalProps & { value: Campaign }) {
  const { t } = useTranslation();
  const canClose = value.status === 'active';
  const canCancel = value.disbursedRupiah === 0;
  const [outcome, setOutcome] = useState<'closed' | 'cancelled'>(canClose ? 'closed' : 'cancelled');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const onSubmit = () => {
    const raw = { outcome, note, version: value.version };
    const parsed = closeCampaignInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(formErrors(parsed.error.issues, raw, [], t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await closeCampaign(value.id, parsed.data));
      notify({ color: 'green', message: t('fundraising.close.done') });
      onClose();
    });
  };

  return (
    <FundraisingModal
      opened={opened}
      title={t('fundraising.close.title')}
      submitLabel={t('fundraising.close.title')}
      submitColor="red.9"
      busy={save.busy}
      error={save.error}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      size="md"
    >
      <Radio.Group
        label={t('fundraising.close.outcome')}
        required
        value={outcome}
        onChange={(v) => setOutcome(v as 'closed' | 'cancelled')}
        error={errors.outcome}
      >
        <Stack gap="xs" mt={4}>
          <Radio value="closed" label={t('fundraising.close.closed')} disabled={!canClose} />
          <Radio value="cancelled" label={t('fundraising.close.cancelled')} disabled={!canCancel} />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('fundraising.close.note')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </FundraisingModal>
  );
}

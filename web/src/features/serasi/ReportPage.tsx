import {
  aidPrograms,
  fileTicketInput,
  formatDateTime,
  levelOfCode,
  reportedSubjects,
  serasiConsentVersion,
  type TicketType,
  ticketTypes,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Fieldset,
  FileInput,
  Group,
  Image,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconPhoto, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { ButtonLink } from '../../components/ButtonLink';
import { LoadingState } from '../../components/PageStates';
import { RegionPicker } from '../../components/RegionPicker';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { fileTicket, serasiFormQueryOptions } from './api';
import { PublicError, PublicLayout } from './PublicLayout';
import { photoProblem, type ReadPhoto, readPhoto } from './photo';
import { browserZone } from './zone';

type ReportedSubject = (typeof reportedSubjects)[number];
type AidProgram = (typeof aidPrograms)[number];

const descriptionMax = 4000;
/** The server refuses a form token younger than 3 s; a quick filler waits out the rest. */
const minFormAgeMs = 3_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Values = {
  type: TicketType | '';
  subject: ReportedSubject | '';
  aidProgram: AidProgram | '';
  description: string;
  regionCode: string | null;
  landmark: string;
  anonymous: boolean;
  reporterName: string;
  reporterContact: string;
  consentAccepted: boolean;
  website: string;
};

const initialValues: Values = {
  type: '',
  subject: '',
  aidProgram: '',
  description: '',
  regionCode: null,
  landmark: '',
  anonymous: false,
  reporterName: '',
  reporterContact: '',
  consentAccepted: false,
  website: '',
};

type Filed = { code: string; firstResponseDueAt: string };

/** `/lapor`: anyone reports a person in need, asks for help or complains, without signing in. */
export function ReportPage() {
  const [filed, setFiled] = useState<Filed | null>(null);
  const [round, setRound] = useState(0);
  return (
    <PublicLayout>
      {filed ? (
        <FiledNotice
          filed={filed}
          onAnother={() => {
            setFiled(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <ReportForm key={round} onFiled={setFiled} />
      )}
    </PublicLayout>
  );
}

function ReportForm({ onFiled }: { onFiled: (f: Filed) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useQuery(serasiFormQueryOptions);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(initialValues);
  const [photoFile, setPhotoFile] = useState<File | null>(null);
  const [photo, setPhoto] = useState<ReadPhoto | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const honeypotId = useId();

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });
  };

  /** Move focus to the first field the validation marked, so keyboard and screen-reader users land on it. */
  const focusFirstError = () =>
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error-anchor]');
      el?.focus();
    });

  const onPhoto = async (file: File | null) => {
    setPhotoFile(file);
    setPhoto(null);
    setErrors(({ photo: _, ...rest }) => rest);
    if (!file) return;
    const problem = photoProblem(file);
    if (problem) {
      setPhotoFile(null);
      setErrors((e) => ({
        ...e,
        photo: problem === 'type' ? t('serasi.report.photoType') : t('serasi.report.photoTooBig'),
      }));
      return;
    }
    try {
      setPhoto(await readPhoto(file));
    } catch {
      setPhotoFile(null);
      setErrors((e) => ({ ...e, photo: t('serasi.report.photoUnreadable') }));
    }
  };

  const raw = () => ({
    type: values.type || undefined,
    subject: values.type === 'report_person' ? values.subject || null : null,
    aidProgram: values.type === 'complaint_aid' ? values.aidProgram || null : null,
    description: values.description,
    regionCode: values.regionCode ?? '',
    landmark: values.landmark,
    anonymous: values.anonymous,
    reporterName: values.anonymous ? null : values.reporterName,
    reporterContact: values.anonymous ? null : values.reporterContact,
    consentAccepted: values.consentAccepted,
    consentVersion: form.data?.consentVersion ?? serasiConsentVersion,
    photo: photo ? { contentType: photo.contentType, dataBase64: photo.dataBase64 } : null,
    formToken: form.data?.formToken ?? '',
    website: values.website,
  });

  const send = async (attempt: number): Promise<void> => {
    const token = await queryClient.ensureQueryData(serasiFormQueryOptions);
    const fetchedAt = queryClient.getQueryState(serasiFormQueryOptions.queryKey)?.dataUpdatedAt ?? 0;
    const wait = fetchedAt + minFormAgeMs - Date.now();
    if (wait > 0) await sleep(wait);
    const input = fileTicketInput.parse({ ...raw(), formToken: token.formToken });
    try {
      const filed = await fileTicket(input);
      queryClient.removeQueries({ queryKey: serasiFormQueryOptions.queryKey });
      onFiled(filed);
    } catch (error) {
      const code = isApiError(error) ? error.code : '';
      // An old, used or refused form: take a fresh token and send once more, keeping what was typed.
      if (
        attempt === 0 &&
        ['serasi.form_expired', 'serasi.form_used', 'serasi.form_too_fast', 'serasi.form_invalid'].includes(
          code,
        )
      ) {
        if (code !== 'serasi.form_too_fast') {
          await queryClient.resetQueries({ queryKey: serasiFormQueryOptions.queryKey });
        }
        return send(attempt + 1);
      }
      throw error;
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    setNotice(null);
    const input = raw();
    const parsed = fileTicketInput.safeParse(input);
    const found = parsed.success ? {} : issuesToFormErrors(parsed.error.issues, input, t);
    if (input.regionCode && levelOfCode(input.regionCode) !== 'village' && !found.regionCode) {
      found.regionCode = t('serasi.report.villageRequired');
    }
    // The schema's cross-field rules run only once the rest is valid: say everything missing at once.
    const missing = (key: string, empty: boolean) => {
      if (empty && !found[key]) found[key] = t('validation.required');
    };
    missing('subject', input.type === 'report_person' && !input.subject);
    missing('aidProgram', input.type === 'complaint_aid' && !input.aidProgram);
    missing('reporterName', !input.anonymous && !input.reporterName?.trim());
    missing('reporterContact', !input.anonymous && !input.reporterContact?.trim());
    if (errors.photo) found.photo = errors.photo;
    const { formToken: _, consentVersion: __, website: ___, ...shown } = found;
    if (Object.keys(shown).length > 0) {
      setErrors(shown);
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(0);
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) {
        setErrors(fieldErrorsToForm(error.fields));
        focusFirstError();
      }
      if (isApiError(error) && error.code.startsWith('serasi.form_')) {
        void queryClient.resetQueries({ queryKey: serasiFormQueryOptions.queryKey });
        setNotice(t('serasi.report.formRenewed'));
      } else {
        setServerError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  if (form.isPending) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('serasi.report.title')}
        </Title>
        <Text size="sm">{t('serasi.report.formLoading')}</Text>
        <LoadingState rows={4} />
      </Stack>
    );
  }

  if (form.error) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('serasi.report.title')}
        </Title>
        <PublicError error={form.error} onRetry={() => void form.refetch()} />
      </Stack>
    );
  }

  const descriptionLength = values.description.trim().length;

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="report-title">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" id="report-title">
            {t('serasi.report.title')}
          </Title>
          <Text size="sm" mt={4}>
            {t('serasi.report.intro')}
          </Text>
          <Text size="sm" fw={600} mt={4}>
            {t('serasi.report.emergency')}
          </Text>
        </div>

        <Radio.Group
          label={t('serasi.report.typeLabel')}
          required
          value={values.type}
          onChange={(v) => set('type', v as TicketType)}
          error={errors.type}
        >
          <Stack gap="xs" mt="xs">
            {ticketTypes.map((type) => (
              <Radio.Card
                key={type}
                value={type}
                p="sm"
                radius="md"
                aria-labelledby={`serasi-type-${type}`}
                aria-describedby={`serasi-type-${type}-hint`}
                data-error-anchor={errors.type && type === ticketTypes[0] ? true : undefined}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator aria-hidden />
                  <div>
                    <Text fw={600} size="sm" id={`serasi-type-${type}`}>
                      {t(`serasi.type.${type}`)}
                    </Text>
                    <Text size="xs" c="dimmed" id={`serasi-type-${type}-hint`}>
                      {t(`serasi.typeHint.${type}`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>

        {values.type === 'report_person' && (
          <Radio.Group
            label={t('serasi.report.subjectLabel')}
            required
            value={values.subject}
            onChange={(v) => set('subject', v as ReportedSubject)}
            error={errors.subject}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {reportedSubjects.map((s) => (
                <Radio key={s} value={s} label={t(`serasi.subject.${s}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}

        {values.type === 'complaint_aid' && (
          <Radio.Group
            label={t('serasi.report.aidProgramLabel')}
            required
            value={values.aidProgram}
            onChange={(v) => set('aidProgram', v as AidProgram)}
            error={errors.aidProgram}
          >
            <Stack gap="xs" mt="xs">
              {aidPrograms.map((p) => (
                <Radio key={p} value={p} label={t(`serasi.aidProgram.${p}`)} />
              ))}
            </Stack>
          </Radio.Group>
        )}

        <div>
          <Textarea
            label={t('serasi.report.description')}
            description={t('serasi.report.descriptionHint')}
            required
            autosize
            minRows={4}
            maxLength={descriptionMax}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <Text size="xs" c="dimmed" ta="right" mt={2}>
            {t('serasi.report.counter', { count: descriptionLength, max: descriptionMax })}
          </Text>
        </div>

        <Stack gap="sm">
          <RegionPicker
            value={values.regionCode}
            onChange={(code) => set('regionCode', code)}
            maxLevel="village"
            minLevel="village"
            required
            label={
              <>
                <Text component="span" display="block" fw={500} size="sm">
                  {t('serasi.report.locationLegend')}
                </Text>
                <Text component="span" display="block" size="xs" c="dimmed" mb={4}>
                  {t('serasi.report.locationHint')}
                </Text>
              </>
            }
            error={errors.regionCode}
          />
          <TextInput
            label={t('serasi.report.landmark')}
            description={t('serasi.report.landmarkHint')}
            maxLength={300}
            value={values.landmark}
            onChange={(e) => set('landmark', e.currentTarget.value)}
            error={errors.landmark}
          />
        </Stack>

        <Stack gap="xs">
          <FileInput
            label={t('serasi.report.photo')}
            description={t('serasi.report.photoHint')}
            placeholder={t('serasi.report.photoPlaceholder')}
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            accept="image/jpeg,image/png,image/webp"
            leftSection={<IconPhoto size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': t('serasi.report.photoClear') }}
            value={photoFile}
            onChange={(file) => void onPhoto(file)}
            error={errors.photo}
          />
          {photo && (
            <Image
              src={photo.dataUrl}
              alt={t('serasi.report.photoPreview')}
              maw={240}
              mah={240}
              fit="contain"
              radius="sm"
            />
          )}
        </Stack>

        <Fieldset legend={t('serasi.report.reporterLegend')} variant="unstyled">
          <Stack gap="sm">
            <Switch
              label={t('serasi.report.anonymous')}
              description={t('serasi.report.anonymousHint')}
              checked={values.anonymous}
              onChange={(e) => {
                const anonymous = e.currentTarget.checked;
                setValues((v) => ({ ...v, anonymous }));
                setErrors(({ reporterName: _, reporterContact: __, ...rest }) => rest);
              }}
            />
            {!values.anonymous && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('serasi.report.reporterName')}
                  required
                  autoComplete="name"
                  maxLength={200}
                  value={values.reporterName}
                  onChange={(e) => set('reporterName', e.currentTarget.value)}
                  error={errors.reporterName}
                />
                <TextInput
                  label={t('serasi.report.reporterContact')}
                  description={t('serasi.report.reporterContactHint')}
                  required
                  autoComplete="tel"
                  inputMode="email"
                  maxLength={200}
                  value={values.reporterContact}
                  onChange={(e) => set('reporterContact', e.currentTarget.value)}
                  error={errors.reporterContact}
                />
              </SimpleGrid>
            )}
          </Stack>
        </Fieldset>

        {/* Honeypot: people never see or reach it; bots that fill every field are refused. */}
        <div
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: '-10000px',
            top: 'auto',
            width: 1,
            height: 1,
            overflow: 'hidden',
          }}
        >
          <label htmlFor={honeypotId}>{t('serasi.report.honeypot')}</label>
          <input
            id={honeypotId}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(e) => set('website', e.currentTarget.value)}
          />
        </div>

        <Card withBorder p="sm" component="section" aria-labelledby="serasi-consent-title">
          <Stack gap="xs">
            <Text fw={600} size="sm" id="serasi-consent-title">
              {t('serasi.report.consentTitle')}
            </Text>
            <Text size="sm">{t('serasi.report.consentText')}</Text>
            <Checkbox
              label={t('serasi.report.consentLabel')}
              required
              checked={values.consentAccepted}
              onChange={(e) => set('consentAccepted', e.currentTarget.checked)}
              error={errors.consentAccepted}
            />
          </Stack>
        </Card>

        {notice && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {notice}
          </Alert>
        )}
        {serverError !== null && <PublicError error={serverError} />}
        {Object.keys(errors).length > 0 && (
          <Text c="red.8" size="sm" role="alert">
            {t('errors.checkFields')}
          </Text>
        )}

        <Button
          type="submit"
          size="md"
          loading={busy}
          leftSection={<IconSend size={18} aria-hidden />}
          fullWidth
        >
          {t('serasi.report.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function FiledNotice({ filed, onAnother }: { filed: Filed; onAnother: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, []);
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCheck aria-hidden />} p="md">
        <Stack gap="sm">
          <Title order={1} size="h2" ref={headingRef} tabIndex={-1}>
            {t('serasi.report.doneTitle')}
          </Title>
          <Text size="sm">{t('serasi.report.doneIntro')}</Text>
        </Stack>
      </Alert>
      <Card withBorder p="md">
        <Stack gap="sm" align="flex-start">
          <Text size="sm" fw={600} id="serasi-code-label">
            {t('serasi.report.codeLabel')}
          </Text>
          <Text
            ff="monospace"
            fw={700}
            fz={{ base: 28, xs: 36 }}
            lh={1.2}
            aria-labelledby="serasi-code-label"
            data-testid="serasi-code"
            style={{ letterSpacing: '0.04em', userSelect: 'all', overflowWrap: 'anywhere' }}
          >
            {filed.code}
          </Text>
          <CopyButton value={filed.code}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'green.9' : undefined}
                leftSection={
                  copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                }
                onClick={copy}
              >
                {copied ? t('serasi.report.copied') : t('serasi.report.copy')}
              </Button>
            )}
          </CopyButton>
          <Text size="sm" fw={600}>
            {t('serasi.report.keepCode')}
          </Text>
          <Text size="sm">
            {t('serasi.report.firstResponseBy', {
              when: formatDateTime(filed.firstResponseDueAt, browserZone(), lang),
            })}
          </Text>
        </Stack>
      </Card>
      <Group gap="sm">
        <ButtonLink to="/lacak/$code" params={{ code: filed.code }}>
          {t('serasi.report.trackThis')}
        </ButtonLink>
        <Button variant="default" onClick={onAnother}>
          {t('serasi.report.another')}
        </Button>
      </Group>
    </Stack>
  );
}

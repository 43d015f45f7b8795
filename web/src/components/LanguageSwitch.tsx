import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages } from '../i18n';

/** Two buttons, the current one pressed. Used on the login page. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={4} role="group" aria-label={t('user.language')}>
      {languages.map((lng) => (
        <Button
          key={lng}
          size="compact-sm"
          variant={i18n.language === lng ? 'filled' : 'subtle'}
          aria-pressed={i18n.language === lng}
          lang={lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </Button>
      ))}
    </Group>
  );
}

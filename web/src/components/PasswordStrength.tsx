import type { PasswordVerdict } from '@atensi/domain/auth/password-strength';
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

type Rule = typeof import('@atensi/domain/auth/password-strength');
/** The rule's dictionaries weigh about 3 MB: loaded once, on the first page with a new-password field. */
let rule: Promise<Rule> | null = null;
const loadRule = () => {
  rule ??= import('@atensi/domain/auth/password-strength');
  return rule;
};

export type PasswordOwner = { name?: string | null; email?: string | null; username?: string | null };
/** The verdict on `password`, with the refusal in the reader's language (the words the server's error uses). */
export type PasswordHint = PasswordVerdict & { message: string | null; password: string };

/**
 * The server's password rule, judged in the browser while typing (the server still decides):
 * null until the rule has loaded or while the field is empty.
 */
export function usePasswordHint(password: string, owner: PasswordOwner): PasswordHint | null {
  const [hint, setHint] = useState<PasswordHint | null>(null);
  const { name, email, username } = owner;
  useEffect(() => {
    if (password === '') {
      setHint(null);
      return;
    }
    let current = true;
    // A pause in typing, then one judgement (zxcvbn takes some milliseconds per check).
    const timer = setTimeout(() => {
      void loadRule().then((r) => {
        if (!current) return;
        const verdict = r.judgePassword(password, { userInputs: r.identityWords({ name, email, username }) });
        const message = verdict.problem
          ? r.passwordProblemMessages[verdict.problem][currentLanguage()]
          : null;
        setHint({ ...verdict, message, password });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, name, email, username]);
  return hint;
}

const colors = ['red', 'red', 'orange', 'teal', 'green'] as const;

/** A strength meter under a new-password field, with the rule's verdict in words. */
export function PasswordStrength({ hint }: { hint: PasswordHint | null }) {
  const { t } = useTranslation();
  if (!hint) return null;
  const score = Math.max(0, Math.min(4, hint.score));
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress
        value={((score + 1) / 5) * 100}
        color={hint.problem ? 'red' : colors[score]}
        size="sm"
        aria-label={t('password.meter')}
      />
      <Text size="xs" c={hint.problem ? 'red.8' : 'teal.9'} aria-live="polite">
        {hint.message ?? t('password.strong')}
      </Text>
    </Stack>
  );
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';

export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

/** The only thing the web keeps in browser storage: the chosen UI language. */
export const languageStorageKey = 'atensi.lang';

const storedLanguage = (): Language => {
  try {
    const v = globalThis.localStorage?.getItem(languageStorageKey);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
};

export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'id');

void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
});

const reflect = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
reflect(i18n.language);

i18n.on('languageChanged', (lng) => {
  reflect(lng);
  try {
    globalThis.localStorage?.setItem(languageStorageKey, lng);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
});

export default i18n;

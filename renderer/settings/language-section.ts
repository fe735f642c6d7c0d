import { languageNames, languages, pickLanguage, type LanguageChoice } from '../../app/i18n/languages'
import { t } from '../../app/i18n/translate'
import { saveLanguageChoice, storedLanguageChoice, systemLanguages } from '../i18n/page-language'

/**
 * Settings' language menu (`[data-testid=language-choice]`): the system's language or one chosen.
 * A change is saved, told to the platform (`tell`: the desktop app's menus follow it), and the
 * window reloads to show it; documents live in the relay and the offline cache, so nothing typed
 * is lost.
 */
export const mountLanguageSection = (
  parent: HTMLElement,
  tell: (choice: LanguageChoice) => Promise<void>,
  page: Window = window
): void => {
  const label = document.createElement('label')
  label.className = 'language-choice'
  label.append(t('settings.language'), ' ')
  const select = document.createElement('select')
  select.dataset.testid = 'language-choice'
  const systemName = languageNames[pickLanguage(systemLanguages(page))]
  const choices: readonly LanguageChoice[] = ['system', ...languages]
  for (const choice of choices) {
    const option = document.createElement('option')
    option.value = choice
    option.textContent = choice === 'system' ? t('language.system', { language: systemName }) : languageNames[choice]
    if (choice !== 'system') option.lang = choice
    select.append(option)
  }
  select.value = storedLanguageChoice(page)
  const note = document.createElement('p')
  note.className = 'note'
  note.textContent = t('settings.languageNote')
  select.addEventListener('change', () => {
    const choice = select.value as LanguageChoice
    saveLanguageChoice(page, choice)
    // The page shows the choice after the reload either way; a platform that did not hear it only keeps its menus as they were.
    void tell(choice)
      .catch((error: unknown) => console.error('Ensemble: the platform was not told the language choice', error))
      .finally(() => page.location.reload())
  })
  label.append(select)
  parent.prepend(label, note)
}

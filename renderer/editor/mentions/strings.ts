import { t } from '../../../app/i18n/translate'

/** Every word of the mention menu, read from the message catalogue when shown. */
export const mentionStrings = {
  get menu(): string {
    return t('mention.menu')
  },
  get person(): string {
    return t('mention.person')
  },
  get you(): string {
    return t('mention.you')
  },
  get document(): string {
    return t('mention.document')
  }
}

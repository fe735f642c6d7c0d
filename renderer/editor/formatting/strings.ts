import { t } from '../../../app/i18n/translate'

/** Every word the colour and alignment controls show or say, read from the message catalogue when shown. */
export const formattingStrings = {
  get textColor(): string {
    return t('formatting.textColor')
  },
  get highlight(): string {
    return t('formatting.highlight')
  },
  get removeTextColor(): string {
    return t('formatting.removeTextColor')
  },
  get removeHighlight(): string {
    return t('formatting.removeHighlight')
  },
  get alignLeft(): string {
    return t('formatting.alignLeft')
  },
  get alignCenter(): string {
    return t('formatting.alignCenter')
  },
  get alignRight(): string {
    return t('formatting.alignRight')
  },
  get justify(): string {
    return t('formatting.justify')
  }
}

import { t } from '../../../app/i18n/translate'

/** Every word of find and replace, read from the message catalogue when shown. */
export const findStrings = {
  get bar(): string {
    return t('find.bar')
  },
  get find(): string {
    return t('find.find')
  },
  get findPlaceholder(): string {
    return t('find.findPlaceholder')
  },
  get replace(): string {
    return t('find.replace')
  },
  get replacePlaceholder(): string {
    return t('find.replacePlaceholder')
  },
  get previous(): string {
    return t('find.previous')
  },
  get next(): string {
    return t('find.next')
  },
  get matchCase(): string {
    return t('find.matchCase')
  },
  get wholeWord(): string {
    return t('find.wholeWord')
  },
  get showReplace(): string {
    return t('find.showReplace')
  },
  get close(): string {
    return t('find.close')
  },
  get replaceOne(): string {
    return t('find.replaceOne')
  },
  get replaceAll(): string {
    return t('find.replaceAll')
  },
  get readOnly(): string {
    return t('find.readOnly')
  },
  get noMatches(): string {
    return t('find.noMatches')
  },
  count: (current: number, total: number, capped: boolean): string => t(capped ? 'find.countCapped' : 'find.count', { current, total }),
  replacedAll: (count: number): string => t('find.replacedAll', { count })
}

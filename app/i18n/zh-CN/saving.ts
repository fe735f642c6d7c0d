import type { savingEn } from '../en/saving'
import type { Translation } from '../messages'

export const savingZhCn: Translation<typeof savingEn> = {
  'save.pending_other': '{{count}} 处更改尚未送达中继'
}

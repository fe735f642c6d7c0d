import type { settingsEn } from '../en/settings'
import type { Translation } from '../messages'

export const settingsZhCn: Translation<typeof settingsEn> = {
  'language.system': '跟随系统（{{language}}）',
  'settings.language': '语言',
  'settings.languageNote': 'Ensemble 会重新加载窗口以显示新语言，您写的内容不会丢失。'
}

import type { Messages } from './messages'

/** Simplified Chinese: every key of `messages-en.ts` (counted messages need only `_other`). */
export const messagesZhCn: Messages = {
  'language.system': '跟随系统（{{language}}）',
  'settings.language': '语言',
  'settings.languageNote': 'Ensemble 会重新加载窗口以显示新语言，您写的内容不会丢失。',
  'save.pending_other': '{{count}} 处更改尚未送达中继'
}

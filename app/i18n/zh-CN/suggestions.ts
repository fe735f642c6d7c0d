import type { suggestionsEn } from '../en/suggestions'
import type { Translation } from '../messages'

export const suggestionsZhCn: Translation<typeof suggestionsEn> = {
  'suggestions.tab': '建议',
  'suggestions.panelLabel': '建议',
  'suggestions.count_other': '{{count}} 条建议',
  'suggestions.mode': '建议模式',
  'suggestions.modeTitle': '建议模式：你输入和删除的内容都会成为建议，由编辑者接受或拒绝（Ctrl/Cmd+Alt+Shift+X；Ctrl/Cmd+Alt+Shift+Z 返回编辑模式）',
  'suggestions.insertedBy': '{{author}} 于 {{time}} 建议插入',
  'suggestions.deletedBy': '{{author}} 于 {{time}} 建议删除',
  'suggestions.insert': '插入“{{text}}”',
  'suggestions.delete': '删除“{{text}}”',
  'suggestions.replace': '将“{{deleted}}”替换为“{{inserted}}”',
  'suggestions.accept': '接受',
  'suggestions.reject': '拒绝',
  'suggestions.acceptOne': '接受 {{author}} 的建议：{{what}}',
  'suggestions.rejectOne': '拒绝 {{author}} 的建议：{{what}}',
  'suggestions.acceptAll': '全部接受',
  'suggestions.rejectAll': '全部拒绝',
  'suggestions.empty': '暂无建议。在建议模式下，你输入和删除的内容都会成为建议。',
  'suggestions.suggesterNote': '你可以对此文档提出修改建议，由编辑者接受或拒绝。',
  'suggestions.viewerNote': '只有编辑者可以接受或拒绝建议。',
  'suggestions.roleSuggest': '可以提建议'
}

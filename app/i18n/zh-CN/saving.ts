import type { savingEn } from '../en/saving'
import type { Translation } from '../messages'

export const savingZhCn: Translation<typeof savingEn> = {
  'save.pending_other': '{{count}} 处更改尚未送达中继',
  'save.saved': '已保存',
  'save.sent': '已发送到中继',
  'save.sentDetails': '此中继不确认它存储了什么；您的更改已发送给它。',
  'save.savedDetails': '所有更改都已存储在中继上。',
  'save.pendingDetails': '在中继确认存储之前，更改保留在此窗口及其离线副本中。',
  'save.notStored': '未保存到中继：中继的存储出现故障。您的编辑仍会送达其他人，并保留在此窗口中，请不要关闭它。',
  'save.relaySays': '中继的说明：{{reason}}',
  'save.storedAgain': '您的编辑已重新保存到中继。',
  'save.noOfflineCache': '离线缓存（IndexedDB）不可用（{{reason}}）；只有在此页面保持打开且已连接时，编辑才会保留'
}

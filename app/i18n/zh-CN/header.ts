import type { headerEn } from '../en/header'
import type { Translation } from '../messages'

export const headerZhCn: Translation<typeof headerEn> = {
  'header.title': '文档标题',
  'header.titleHint': '点击即可重命名',
  'header.windowTitle': '{{title}} — Ensemble',
  'header.home': '首页',
  'header.share': '共享',
  'header.offlineCopyUnavailable': '离线副本不可用：{{problem}}。',
  'header.settings': '设置'
}

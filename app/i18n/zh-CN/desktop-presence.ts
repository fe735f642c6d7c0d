import type { desktopPresenceEn } from '../en/desktop-presence'
import type { Translation } from '../messages'

export const desktopPresenceZhCn: Translation<typeof desktopPresenceEn> = {
  'desktopPresence.joined': '{{names}} 加入了',
  'desktopPresence.left': '{{names}} 离开了',
  'desktopPresence.nobody': '{{app}}：没有其他人在编辑',
  'desktopPresence.summary': '{{app}}：{{documents}}中有 {{people}}',
  'desktopPresence.people_other': '{{count}} 人',
  'desktopPresence.documents_other': '{{count}} 个文档',
  'desktopPresence.trayItem': '{{document}}：{{names}}',
  'desktopPresence.title': '{{document}} — {{app}}',
  'desktopPresence.titleWith': '{{document}} — {{app}}（与 {{names}}）',
  'desktopPresence.twoNames': '{{first}}和{{second}}',
  'desktopPresence.threeNames': '{{first}}、{{second}}和{{third}}',
  'desktopPresence.manyNames_other': '{{first}}、{{second}}等 {{count}} 人'
}

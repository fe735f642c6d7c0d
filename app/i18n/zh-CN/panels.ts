import type { panelsEn } from '../en/panels'
import type { Translation } from '../messages'

export const panelsZhCn: Translation<typeof panelsEn> = {
  'panels.tabs': '协作',
  'panels.deniedNote': '中继拒绝此页面期间为只读（原因见文档上方的消息）：在这里添加的内容无法送达任何人。'
}

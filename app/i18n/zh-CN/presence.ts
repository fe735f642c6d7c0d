import type { presenceEn } from '../en/presence'
import type { Translation } from '../messages'

export const presenceZhCn: Translation<typeof presenceEn> = {
  'presence.joined': '{{name}} 加入了文档',
  'presence.left': '{{name}} 离开了文档'
}

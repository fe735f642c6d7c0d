import type { dialogsEn } from '../en/dialogs'
import type { Translation } from '../messages'

export const dialogsZhCn: Translation<typeof dialogsEn> = {
  'dialog.close': '关闭',
  'copy.copy': '复制',
  'copy.copied': '已复制',
  'copy.selected': '已选中：按 Ctrl+C（Mac 上按 ⌘C）复制'
}

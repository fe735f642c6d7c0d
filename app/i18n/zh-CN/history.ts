import type { historyEn } from '../en/history'
import type { Translation } from '../messages'

export const historyZhCn: Translation<typeof historyEn> = {
  'history.panel': '历史版本',
  'history.tab': '历史',
  'history.namePlaceholder': '为此版本命名',
  'history.name': '版本名称',
  'history.save': '保存版本',
  'history.viewOnly': '仅查看：您可以查看每个版本，但不能保存或恢复版本，因为您的权限不允许修改文档。',
  'history.empty': '还没有版本。保存一个版本来标记当前状态；您暂停编辑或离开时也会自动保存一个。',
  'history.shownNow': '正在显示',
  'history.showTitle': '显示此版本及其中的更改',
  'history.auto': '自动',
  'history.restoreTitle': '让文档恢复成此版本的样子，作为一次所有人可见的新更改',
  'history.restore': '恢复此版本',
  'history.back': '返回文档',
  'history.versionView': '版本（只读）',
  'history.added': '新增',
  'history.and': '和',
  'history.removed': '删除',
  'history.sincePrevious': '的内容相对于上一版本 · 只读',
  'history.firstVersion': ' · 全部显示为新增：这是第一个版本',
  'history.comparedWith': ' · 对比“{{name}}”',
  'history.couldNotRestore': '无法恢复“{{name}}”：{{reason}}',
  'history.authors': '作者',
  'history.colourByAuthor': '按作者为文字着色',
  'history.nameEmpty': '版本名称为空，请输入名称，例如“初稿”',
  'history.nameTooLong': '版本名称长 {{length}} 个字符，上限为 {{limit}} 个',
  'history.cannotSave': '无法保存版本：{{problem}}。',
  'history.autoPause': '编辑暂停后',
  'history.autoSessionEnd': '会话结束时',
  'history.autoBeforeRestore': '恢复“{{name}}”之前'
}

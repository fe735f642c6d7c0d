import type { sidebarEn } from '../en/sidebar'
import type { Translation } from '../messages'

export const sidebarZhCn: Translation<typeof sidebarEn> = {
  'sidebar.label': '文档',
  'sidebar.search': '按标题搜索文档',
  'sidebar.searchPlaceholder': '搜索文档',
  'sidebar.newDocument': '新建文档',
  'sidebar.refresh': '刷新列表',
  'sidebar.loading': '正在加载文档…',
  'sidebar.empty': '这里还没有文档。',
  'sidebar.noMatch': '没有与“{{query}}”匹配的文档。',
  'sidebar.problem': '无法列出文档：{{reason}}。',
  'sidebar.truncated': '仅列出前 {{count}} 个文档。',
  'sidebar.results_other': '{{count}} 个文档',
  'sidebar.show': '显示文档列表',
  'sidebar.hide': '隐藏文档列表'
}

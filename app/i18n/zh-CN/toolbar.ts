import type { toolbarEn } from '../en/toolbar'
import type { Translation } from '../messages'

export const toolbarZhCn: Translation<typeof toolbarEn> = {
  'toolbar.label': '格式',
  'toolbar.blockType': '文本样式',
  'toolbar.paragraph': '正文',
  'toolbar.heading1': '标题 1',
  'toolbar.heading2': '标题 2',
  'toolbar.heading3': '标题 3',
  'toolbar.codeBlock': '代码块',
  'toolbar.otherBlock': '其他',
  'toolbar.undo': '撤销',
  'toolbar.redo': '重做',
  'toolbar.bold': '加粗',
  'toolbar.italic': '斜体',
  'toolbar.underline': '下划线',
  'toolbar.strike': '删除线',
  'toolbar.code': '行内代码',
  'toolbar.link': '链接',
  'toolbar.bulletList': '项目符号列表',
  'toolbar.orderedList': '编号列表',
  'toolbar.taskList': '任务列表',
  'toolbar.blockquote': '引用',
  'toolbar.horizontalRule': '分隔线（或输入 ---）',
  'toolbar.image': '图片（也可粘贴或拖入文件）',
  'toolbar.table': '插入表格',
  'toolbar.alignLeft': '左对齐',
  'toolbar.alignCenter': '居中',
  'toolbar.alignRight': '右对齐',
  'toolbar.justify': '两端对齐'
}

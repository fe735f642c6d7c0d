import type { commentsEn } from '../en/comments'
import type { Translation } from '../messages'

export const commentsZhCn: Translation<typeof commentsEn> = {
  'comments.panel': '评论',
  'comments.add': '评论',
  'comments.addTitle': '评论所选文字（Ctrl/Cmd+Alt+M）',
  'comments.inputPlaceholder': '添加评论…',
  'comments.input': '评论',
  'comments.submit': '评论',
  'comments.cancel': '取消',
  'comments.showResolved': '显示已解决',
  'comments.viewOnly': '仅查看：您可以阅读评论，但不能添加或回复。评论是文档的一部分，而您的权限不允许修改文档。',
  'comments.emptyForWriters': '没有未解决的评论。选中文字后按“评论”即可发起讨论。',
  'comments.noneYet': '还没有评论。',
  'comments.noneOpen': '没有未解决的评论。',
  'comments.openCount_other': '{{count}} 条未解决',
  'comments.quoteTitle': '在文档中显示这段文字',
  'comments.quote': '“{{quote}}”',
  'comments.orphaned': '被评论的文字已删除',
  'comments.replyPlaceholder': '回复…',
  'comments.reply': '回复',
  'comments.resolve': '解决',
  'comments.reopen': '重新打开',
  'comments.resolvedBy': '{{name}} 已解决 · ',
  'comments.reopenedBy': '{{name}} 已重新打开 · ',
  'comments.textEmpty': '评论为空，请输入您想说的话',
  'comments.textTooLong': '评论长 {{length}} 个字符，上限为 {{limit}} 个',
  'comments.cannotPost': '无法发表评论：{{problem}}。',
  'comments.emptyRange': '无法把评论锚定到空范围（{{from}}–{{to}}），请先选中要评论的文字。',
  'comments.notRendered': '无法放置评论锚点：视图尚未呈现文档的最新更改。'
}

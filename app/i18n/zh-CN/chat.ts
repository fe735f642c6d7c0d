import type { chatEn } from '../en/chat'
import type { Translation } from '../messages'

export const chatZhCn: Translation<typeof chatEn> = {
  'chat.panel': '聊天',
  'chat.message': '聊天消息',
  'chat.send': '发送',
  'chat.to': '发给',
  'chat.sendTo': '发送给',
  'chat.everyone': '所有人',
  'chat.privateOption': '{{name}}（私信）',
  'chat.leftOption': '{{name}}（已离开）',
  'chat.viewOnly': '仅查看：您可以阅读聊天，但不能向所有人发言，因为聊天是文档的一部分，而您的权限不允许修改文档。私信不属于文档，您仍然可以发送。',
  'chat.cannotSend': '无法发送：{{problem}}。',
  'chat.recipientLeft': '未发送：{{name}} 已离开文档。请选择其他人，或选择“所有人”。',
  'chat.thatPerson': '对方',
  'chat.notSent': '未发送：{{reason}}。',
  'chat.someoneWhoLeft': '已离开的人',
  'chat.placeholderEveryone': '给文档中的所有人发消息',
  'chat.placeholderPrivate': '私信 {{name}}：只有你们两人能看到',
  'chat.placeholderLeft': '{{name}} 已离开文档',
  'chat.joined': ' 加入了 · ',
  'chat.left': ' 离开了 · ',
  'chat.privateFrom': '私信来自',
  'chat.privateTo': '私信发给',
  'chat.notDelivered': '未送达：{{reason}}。',
  'chat.noReason': '中继未说明原因',
  'chat.replyPrivately': '私信回复',
  'chat.unread_other': '{{count}} 条未读',
  'chat.messagePerson': '给 {{name}} 发私信',
  'chat.textEmpty': '消息为空',
  'chat.textTooLong': '消息长 {{length}} 个字符，上限为 {{limit}} 个',
  'chat.privateTooLong': '消息长 {{length}} 个字符，一条消息最多 {{limit}} 个'
}

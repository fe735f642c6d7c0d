import type { platformEn } from '../en/platform'
import type { Translation } from '../messages'

export const platformZhCn: Translation<typeof platformEn> = {
  'platform.inviteCannotOpen': '邀请链接无法打开文档：{{problem}}。',
  'platform.windowCannotOpen': '此窗口无法打开文档：{{problem}}。',
  'platform.hostNotVerified': '无法验证此会话的主持人，因此没有打开文档：{{problem}}',
  'platform.badUserParameter': '无法使用 user= 参数：{{problem}}。',
  'platform.profileNotSaved': '无法保存个人资料：{{problem}}。',
  'platform.linkCannotOpen': '此链接无法打开文档：{{problem}}。',
  'platform.httpsToWs': '此页面通过 https 打开，浏览器不允许它连接未加密的 {{relay}}；请改为打开 {{page}}/，或使用中继的 wss:// 地址',
  'platform.nothingAnswered': '{{relay}} 没有响应（{{reason}}）；请检查地址，并确认主持人在此网络中',
  'platform.notARelay': '{{relay}} 有响应，但不是 Ensemble 中继（/healthz 返回 HTTP {{status}}）'
}

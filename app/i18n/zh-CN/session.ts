import type { sessionEn } from '../en/session'
import type { Translation } from '../messages'

export const sessionZhCn: Translation<typeof sessionEn> = {
  'connection.retry': '立即重试',
  'connection.connecting': '正在连接…',
  'connection.connected': '已连接',
  'connection.offlineWaiting': '离线——正在等待网络；编辑保留在本机',
  'connection.offlineRetrying': '离线——{{seconds}} 秒后重试；编辑保留在本机',
  'connection.denied': '拒绝访问',
  'connection.inSync': '已与中继同步。',
  'connection.opening': '正在连接到中继。',
  'connection.noNetwork': '浏览器报告没有网络。',
  'connection.closed': '连接已关闭（代码 {{code}}）；将于 {{time}} 再次尝试。',
  'connection.needsLink': '中继需要有效的访问链接（代码 4401）。它的说明：{{reason}}',
  'connection.forbidden': '中继不允许您打开此文档（代码 4403）。它的说明：{{reason}}',
  'access.readOnlyUntilAdmitted': '{{why}}在中继允许您进入之前，文档在此处为只读：在此窗口中写的任何内容都无法送达任何人。',
  'access.noToken': '“{{name}}”只能通过访问链接打开，而您打开的地址中没有。请向分享文档的人索取链接。',
  'access.damaged': '访问链接已损坏或不完整（可能复制时被截断了）。请重新索取链接。',
  'access.expired': '访问链接已于 {{time}} 过期。请向分享文档的人索取新链接。',
  'access.notAccepted': '中继不接受此访问链接：它是为另一个中继生成的，或者中继此后更换了密钥。请索取新链接。',
  'access.prefixGrant': '以“{{prefix}}”开头的文档',
  'access.documentGrant': '“{{name}}”',
  'access.otherDocument': '此访问链接适用于{{granted}}，而不是“{{name}}”。请索取此文档的链接。',
  'access.refused': '中继不允许您打开“{{name}}”：{{reason}}。',
  'access.certificateNote':
    '浏览器对此页面发出了警告，因为主持此会话的电脑使用了自己生成的证书，局域网中的每个 Ensemble 会话都是如此。如果证书的 SHA-256 指纹是 {{fingerprint}}（base64），它就是主持人的证书；如有疑问，请询问主持人。无论如何，连接都是加密的。'
}

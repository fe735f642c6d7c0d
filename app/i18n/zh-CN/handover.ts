import type { handoverEn } from '../en/handover'
import type { Translation } from '../messages'

export const handoverZhCn: Translation<typeof handoverEn> = {
  'handover.movedToRelay': '主持人已离开。协作会话现在在 {{place}} 上继续。',
  'handover.movedToRelayNamed': '主持人（{{host}}）已离开。协作会话现在在 {{place}} 上继续。',
  'handover.movedHere': '主持人已离开。协作会话现在在这台电脑上继续；重新连接后，其他人会看到您的编辑。',
  'handover.movedHereNamed': '主持人（{{host}}）已离开。协作会话现在在这台电脑上继续；重新连接后，其他人会看到您的编辑。',
  'handover.movedDetails': '此窗口中的所有编辑，包括主持人尚未确认的编辑，都已发送到 {{relay}}。',
  'handover.hostBack': '主持人回来了。',
  'handover.return': '回到主持人那里',
  'handover.returned': '已回到主持人那里。双方都没有丢失任何内容。',
  'handover.returnedDetails': '主持人和 {{relay}} 会互相补齐对方缺少的内容。',
  'handover.inviteContinuation': '如果您离开，访客可在 {{place}} 上继续：邀请链接会附带您在该中继上的访问令牌'
}

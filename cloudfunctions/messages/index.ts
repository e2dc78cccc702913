import { createMain } from '../_shared/router'
import { ROUND_TRIPS } from './budgets'
import { getSettings } from './actions/get-settings'
import { grantSubscriptions } from './actions/grant-subscriptions'
import { list } from './actions/list'
import { markRead } from './actions/mark-read'
import { saveSettings } from './actions/save-settings'
import { templates } from './actions/templates'
import { unreadCount } from './actions/unread-count'

/** `messages`: the message centre (消息), reminder settings and subscribe-message credits. */
export const main = createMain(
  'messages',
  {
    list,
    unreadCount,
    markRead,
    getSettings,
    saveSettings,
    grantSubscriptions,
    templates,
  },
  { roundTrips: ROUND_TRIPS },
)

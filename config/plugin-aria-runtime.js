// Runs in the weapp before anything renders (the plugin adds it to the platform's runtimePath): the runtime's
// component table must list the aria attributes too, or it would not know their short names in base.wxml.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './aria-components.json'

mergeInternalComponents(components)

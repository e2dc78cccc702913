/**
 * WeChat's location APIs: besides the 用户隐私保护指引, each one the app calls must be named in app.json
 * `requiredPrivateInfos`, or it fails in production (小程序 地理位置接口 "需在 app.json 中声明").
 */
export const LOCATION_APIS = [
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
]

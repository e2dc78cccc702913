/** The localcloud gateway's own sign-in page: not part of the Taro app, and never reached from the weapp build. */
export const DEV_SIGN_IN_PATH = '/dev/sign-in'

/** H5 only: hands the browser to the gateway's dev sign-in to pick an identity. */
export function goToDevSignIn(): void {
  window.location.assign(DEV_SIGN_IN_PATH)
}
